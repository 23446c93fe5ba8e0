package dev.ftadvisor.engine;

import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;

import java.util.List;

/** Everything one session concluded about one proposal, before rendering; changes are the options explored when nothing fitted. */
public record Outcome(ResolvedProposal resolved, Estimate estimate, List<Candidate> candidates,
                      List<Finding> findings, Verdict verdict, List<TraceListener.Firing> trace,
                      String rulesVersion, List<ChangeOption> changes, List<Candidate> ranking,
                      dev.ftadvisor.ranking.Recommender.Picks picks, dev.ftadvisor.ranking.PlanFindings planFindings,
                      List<dev.ftadvisor.ranking.ShownPlanList.Line> shown) {

    public Outcome(ResolvedProposal resolved, Estimate estimate, List<Candidate> candidates, List<Finding> findings,
                   Verdict verdict, List<TraceListener.Firing> trace, String rulesVersion) {
        this(resolved, estimate, candidates, findings, verdict, trace, rulesVersion, List.of(), null, null, null, null);
    }

    /**
     * The same outcome with other findings and verdict (a translation): ranking, picks and the plan
     * lines stay; the findings' grouping is made again from the new findings.
     */
    public Outcome withFindings(List<Finding> findings, Verdict verdict) {
        return new Outcome(resolved, estimate, candidates, findings, verdict, trace, rulesVersion, changes, ranking, picks,
                null, shown);
    }

    /** The changes the rules offered, smallest first (fewest fields changed, then cheapest plan). */
    public List<ChangeOption> acceptedChanges() {
        return changes.stream().filter(ChangeOption::isAccepted)
                .sorted(java.util.Comparator.comparingInt(ChangeOption::getChangeCount)
                        .thenComparingDouble(ChangeOption::getCostUsd))
                .toList();
    }
}

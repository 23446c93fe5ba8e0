package dev.ftadvisor.engine;

import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;

import java.util.List;

/** Everything one session concluded about one proposal, before rendering. */
public record Outcome(ResolvedProposal resolved, Estimate estimate, List<Candidate> candidates,
                      List<Finding> findings, Verdict verdict, List<TraceListener.Firing> trace,
                      String rulesVersion) {
}

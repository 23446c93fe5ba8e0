package dev.ftadvisor.engine;

import dev.ftadvisor.estimate.Estimator;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Estimate;
import org.kie.api.runtime.KieSession;

import java.util.List;

/**
 * Runs one consultation: derives the numbers in Java, inserts them with the proposal into a fresh
 * session of the shared knowledge base, and fires the rules in two phases: the judging rules
 * (agenda group MAIN), then the verdict rules (agenda group "verdict"), which read the findings the
 * first phase produced. Thread-safe: one Advisor serves every batch worker or server request.
 */
public final class Advisor {
    public static final String VERDICT_GROUP = "verdict";

    private final RuleSet rules;
    private final Catalog catalog;
    private final Estimator estimator;

    public Advisor(RuleSet rules, Catalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
        this.estimator = new Estimator(catalog);
    }

    public RuleSet rules() { return rules; }

    public Catalog catalog() { return catalog; }

    public Outcome consult(ResolvedProposal r, boolean trace) {
        Estimate estimate = estimator.estimate(r);
        List<Candidate> candidates = estimator.candidates(r);
        return judge(r, estimate, candidates, trace);
    }

    /** A rule that throws while it is evaluated is a broken rules folder (exit 3), named by file and line. */
    private void fire(KieSession session) {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            throw RuleFailure.of(e, rules.index());
        }
    }

    public Outcome judge(ResolvedProposal r, Estimate estimate, List<Candidate> candidates, boolean trace) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            RuleOutput out = new RuleOutput(rules.index());
            session.setGlobal("out", out);
            TraceListener listener = null;
            if (trace) {
                listener = new TraceListener(rules.index());
                session.addEventListener(listener);
            }
            session.insert(r.proposal());
            session.insert(r.model());
            session.insert(estimate);
            for (Candidate c : candidates) {
                session.insert(c);
            }
            fire(session);
            var verdictGroup = session.getAgenda().getAgendaGroup(VERDICT_GROUP);
            if (verdictGroup != null) { // null when the rules folder has no verdict rules
                verdictGroup.setFocus();
                fire(session);
            }
            return new Outcome(r, estimate, candidates, List.copyOf(out.findings()), out.verdict(),
                    listener == null ? List.of() : List.copyOf(listener.firings()), rules.rulesVersion());
        } finally {
            session.dispose();
        }
    }
}

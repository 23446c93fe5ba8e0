package dev.ftadvisor.engine;

import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.Verdict;
import dev.ftadvisor.ranking.PlanFindings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Computes the "what if" options for a proposal that nothing fits as asked: each variant proposal
 * (one field changed) runs through the same consultation as the original, without exploring changes
 * of its own, so the loop is bounded (at most {@link #MAX_VARIANTS} consultations) and only runs
 * when the verdict rules found no plan. Budget and deadline options need no extra run: they are read
 * from the plans the rules kept but marked over budget (or over deadline). Which options to offer,
 * and with what caveat, is decided by the rules in changes.drl; this class only measures.
 */
final class ChangeExplorer {
    /** Variants consulted per proposal: method x2, pricing, multi-node, providers, region, sequence length. */
    static final int MAX_VARIANTS = 7;

    private final Advisor advisor;

    ChangeExplorer(Advisor advisor) {
        this.advisor = advisor;
    }

    /**
     * @param candidates every candidate of the proposal (variants that change only what rules read reuse them)
     * @param judged the candidates the original's rules judged (not those its gates set aside)
     */
    List<ChangeOption> explore(ResolvedProposal r, Estimate estimate, List<Candidate> candidates, List<Candidate> judged,
                               PlanFindings original) {
        Proposal asked = r.proposal();
        List<ChangeOption> options = new ArrayList<>();
        // budget or deadline alone, read from the plans the rules kept
        addConstraintOptions(asked, "budget", "as proposed", "as proposed", judged, original, 0, options);
        for (Variant v : variants(asked, shortestSequence())) {
            Proposal.Builder variantOf = asked.toBuilder();
            v.apply.accept(variantOf);
            Proposal p = variantOf.build();
            ResolvedProposal variant = new ResolvedProposal(p, r.model(), r.assumptions());
            // a variant that changes only what the rules read (pricing, nodes, providers) has the same
            // numbers: its candidates are the original's, judged again in a session of its own
            Outcome o = v.sameNumbers
                    ? advisor.judge(variant, estimate, candidates, false, false)
                    : advisor.consult(variant, false, false);
            Verdict verdict = o.verdict();
            if (verdict != null && Verdict.FEASIBLE.equals(verdict.getValue())) {
                Candidate best = o.ranking().isEmpty() ? null : o.ranking().get(0);
                if (best != null) {
                    PlanFindings by = PlanFindings.of(o.findings());
                    // a region variant names the region its best plan is in
                    String to = v.kind.equals("region") ? best.getRegionGroup() : v.to;
                    options.add(new ChangeOption(v.kind, v.from, to, 1, best, by.of(best),
                            null, null, 1, 1, p.getSequenceLength()));
                }
            } else {
                addConstraintOptions(asked, v.kind, v.from, v.to, o.candidates(), PlanFindings.of(o.findings()), 1, options);
            }
        }
        return options;
    }

    /** One field changed; {@code sameNumbers} when the estimator's inputs stay the same (only rules read the field). */
    private record Variant(String kind, String from, String to, boolean sameNumbers, Consumer<Proposal.Builder> apply) {
    }

    /**
     * The shortest sequence a change may offer: the rules' own bound (changes.min-sequence-length, read
     * by changes.sequence-length), so no variant is consulted only for the rule to refuse it. A folder
     * without the named value leaves the rule to refuse whatever it does not accept.
     */
    private int shortestSequence() {
        var t = advisor.thresholds();
        return t.has(MIN_SEQUENCE_THRESHOLD) ? (int) Math.ceil(t.value(MIN_SEQUENCE_THRESHOLD)) : 1;
    }

    static final String MIN_SEQUENCE_THRESHOLD = "changes.min-sequence-length";

    private static List<Variant> variants(Proposal p, int shortestSequence) {
        List<Variant> vs = new ArrayList<>();
        String method = p.getMethod();
        if (method.equals("full") || method.equals("freeze")) {
            vs.add(new Variant("method", method, "lora", false, q -> toMethod(q, "lora")));
        }
        if (method.equals("full") || method.equals("freeze") || method.equals("lora")) {
            vs.add(new Variant("method", method, "qlora", false, q -> toMethod(q, "qlora")));
        }
        if (!p.isSpotRequested()) {
            vs.add(new Variant("pricing", p.isSpotAllowed() ? "spot not requested" : "spot not allowed", "spot allowed", true, q -> {
                q.setSpotAllowed(true);
                q.setSpotRequested(true);
            }));
        }
        if (!p.isMultiNodeAllowed()) vs.add(new Variant("multi-node", "one node", "multi-node allowed", true, q -> q.setMultiNodeAllowed(true)));
        if (p.isProvidersRestricted()) vs.add(new Variant("providers", String.join(",", p.getProviders()), "any provider", true, q -> q.setProviders(List.of())));
        // without a region the estimator prices each instance type once, in its cheapest region: new numbers
        if (p.getRegion() != null) vs.add(new Variant("region", p.getRegion(), "any region", false, q -> q.setRegion(null)));
        // half the sequence length, when the rules may accept it (their bound is read, not repeated here)
        int shorter = p.getSequenceLength() / 2;
        if (shorter >= shortestSequence) {
            vs.add(new Variant("sequence-length", String.valueOf(p.getSequenceLength()), String.valueOf(shorter), false, q -> q.setSequenceLength(shorter)));
        }
        return vs.size() > MAX_VARIANTS ? vs.subList(0, MAX_VARIANTS) : vs;
    }

    /** A region change names the region of the plan it leads to. */
    private static String toValue(String kind, String to, Candidate plan) {
        return kind.equals("region") ? plan.getRegionGroup() : to;
    }

    /** The proposal under another method, with that method's defaults as the resolver gives them. */
    private static void toMethod(Proposal.Builder q, String method) {
        q.setMethod(method);
        q.setQuantizationBits(ProposalResolver.defaultQuantizationBits(method));
        String optimizer = ProposalResolver.defaultOptimizer(method);
        if (optimizer != null && "adamw".equals(q.getTraining().getOptimizer())) {
            // the training default, not one the proposal chose: the new method's own default replaces it
            q.setTraining(q.getTraining().toBuilder().setOptimizer(optimizer).build());
        }
    }

    /**
     * From a consultation's kept plans: the cheapest one that meets the deadline (so only the budget
     * must rise) and the fastest one within budget (so only the deadline must move).
     */
    private static void addConstraintOptions(Proposal asked, String kind, String from, String to, List<Candidate> candidates,
                                             PlanFindings by, int baseChanges, List<ChangeOption> options) {
        // plans that only miss budget or deadline: out-of-region and not-recommended ones need another change too
        List<Candidate> kept = candidates.stream()
                .filter(c -> {
                    PlanFindings.Standing s = by.standing(c);
                    return !s.rejected() && !s.outOfRegion() && !s.notRecommended();
                }).toList();
        if (asked.isBudgetGiven()) {
            kept.stream().filter(c -> !by.isOverDeadline(c))
                    .min(Comparator.comparingDouble(Candidate::getCostUsd))
                    .filter(c -> by.isOverBudget(c))
                    .ifPresent(c -> {
                        double budget = Math.ceil(c.getCostUsd());
                        // the budget alone: its values, not "as proposed", are what changes
                        boolean alone = baseChanges == 0;
                        options.add(new ChangeOption(alone ? "budget" : kind,
                                alone ? dev.ftadvisor.model.Num.usd(asked.getBudgetUsd()).toString() : from,
                                alone ? dev.ftadvisor.model.Num.usd(budget).toString() : toValue(kind, to, c), baseChanges + 1, c,
                                by.of(c), budget, null, budget / asked.getBudgetUsd(), 1,
                                kind.equals("sequence-length") ? Integer.parseInt(to) : asked.getSequenceLength()));
                    });
        }
        if (asked.isDeadlineGiven()) {
            kept.stream().filter(c -> !by.isOverBudget(c))
                    .min(Comparator.comparingDouble(Candidate::getHours))
                    .filter(c -> by.isOverDeadline(c))
                    .ifPresent(c -> {
                        double deadline = Math.ceil(c.getHours() * 10) / 10;  // to the next 0.1 h
                        boolean alone = baseChanges == 0;
                        options.add(new ChangeOption(alone ? "deadline" : kind,
                                alone ? dev.ftadvisor.model.Num.f1(asked.getDeadlineHours()) + " h" : from,
                                alone ? dev.ftadvisor.model.Num.f1(deadline) + " h" : toValue(kind, to, c), baseChanges + 1, c,
                                by.of(c), null, deadline, 1, deadline / asked.getDeadlineHours(),
                                kind.equals("sequence-length") ? Integer.parseInt(to) : asked.getSequenceLength()));
                    });
        }
    }
}

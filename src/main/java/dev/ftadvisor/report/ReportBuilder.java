package dev.ftadvisor.report;

import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the report from what the rules concluded. It only sorts and groups: a candidate is a plan
 * when no rule rejected it; plans are ordered by the rules' verdict-relevant findings (over budget,
 * over deadline), then by the sum of the rules' rank weights, then by cost.
 */
public final class ReportBuilder {
    /** Plans shown in a report; the rest are counted in the summary. */
    public static final int MAX_PLANS = 10;

    private ReportBuilder() {
    }

    public static Report build(Outcome o, String catalogAsOf, boolean includeTrace) {
        PlanFindings byCandidate = PlanFindings.of(o.findings());
        List<Finding> general = byCandidate.general();
        // the best MAX_PLANS in order, ranked by what the findings say of each candidate (read once per
        // configuration and candidate, not once per comparison: a batch hot spot)
        List<Ranked> best = new ArrayList<>(MAX_PLANS + 1);
        // rejected candidates by configuration (its pricing models together), in catalog order
        Map<Configuration, RejectedGroup> rejected = new LinkedHashMap<>();
        for (Candidate c : o.candidates()) {
            if (byCandidate.isRejected(c)) {
                rejected.computeIfAbsent(c.getConfiguration(), g -> new RejectedGroup(c)).add(c, byCandidate.of(c));
            } else {
                keepBest(best, Ranked.of(c, byCandidate), MAX_PLANS);
            }
        }
        List<Report.Plan> plans = new ArrayList<>();
        // each finding once: plans of one configuration share its findings
        java.util.Set<Finding> planFindings = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Finding> planFindingsInOrder = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Candidate c = best.get(i).candidate();
            List<Finding> fs = byCandidate.of(c);
            plans.add(plan(i + 1, c, fs));
            for (Finding f : fs) {
                if (planFindings.add(f)) planFindingsInOrder.add(f);
            }
        }
        List<Report.Rejected> rejectedList = new ArrayList<>(rejected.size());
        for (RejectedGroup g : rejected.values()) rejectedList.add(g.toReport());
        Verdict v = o.verdict();
        Proposal p = o.resolved().proposal();
        List<Finding> findings = new ArrayList<>(general);
        findings.addAll(planFindingsInOrder);
        return new Report(p.getId(), v == null ? null : v.getValue(),
                v == null ? "no verdict rule fired" : v.getSummary(), v == null ? null : v.getRuleId(),
                estimateView(o.estimate(), p), plans, List.copyOf(rejectedList), changes(o), findings,
                includeTrace ? o.trace() : null, catalogAsOf, o.rulesVersion(), o.resolved().assumptions());
    }

    /**
     * One configuration's rejected candidates: their pricing models and the distinct reasons. Pricing
     * models of one configuration are often rejected for the same reason (always, when the configuration
     * itself was): one reason per rule, message template and arguments.
     */
    private static final class RejectedGroup {
        private final Candidate first;
        private final List<String> pricing = new ArrayList<>(3);
        private final List<Finding> reasons = new ArrayList<>(2);

        RejectedGroup(Candidate first) {
            this.first = first;
        }

        void add(Candidate c, List<Finding> fs) {
            pricing.add(c.getPricing());
            for (Finding f : fs) {
                if (f.isRejecting() && reasons.stream().noneMatch(g -> sameReason(g, f))) reasons.add(f);
            }
        }

        Report.Rejected toReport() {
            return new Report.Rejected(first.getProvider(), first.getInstanceType(), first.getRegion(), first.getGpu(),
                    first.getGpuCount(), first.getNodes(), List.copyOf(pricing),
                    reasons.stream().map(Report.Reason::of).toList());
        }
    }

    /**
     * Adds the plan to the best {@code limit} kept in rank order, if it is among them: only the plans a
     * report shows are ordered (most candidates are compared once, with the last one kept).
     */
    private static void keepBest(List<Ranked> best, Ranked r, int limit) {
        if (best.size() == limit && byRank(r, best.get(limit - 1)) >= 0) return;
        int at = best.size();
        while (at > 0 && byRank(r, best.get(at - 1)) < 0) at--;
        best.add(at, r);
        if (best.size() > limit) best.remove(limit);
    }

    /** The same finding, or one of the same rule with the same message template and arguments. */
    private static boolean sameReason(Finding a, Finding b) {
        return a == b || (a.getId().equals(b.getId()) && java.util.Objects.equals(a.getTemplate(), b.getTemplate())
                && a.getArgs().equals(b.getArgs()));
    }

    /** A plan with what its ranking reads: misses of budget and deadline, then the rank weights, then cost. */
    private record Ranked(Candidate candidate, int misses, double score) {
        static Ranked of(Candidate c, PlanFindings byCandidate) {
            return new Ranked(c, byCandidate.constraintMisses(c), byCandidate.rankScore(c));
        }
    }

    /**
     * The plan a report would rank first among the candidates no rule rejected (null when none is
     * left): the change explorer reports each variant's best plan by the same order.
     */
    public static Candidate best(List<Candidate> candidates, PlanFindings byCandidate) {
        Ranked best = null;
        for (Candidate c : candidates) {
            if (byCandidate.isRejected(c)) continue;
            Ranked r = Ranked.of(c, byCandidate);
            if (best == null || byRank(r, best) < 0) best = r;
        }
        return best == null ? null : best.candidate();
    }

    /** Fewer constraint misses first, then the higher rank score, then the cheaper, then by key (stable). */
    private static int byRank(Ranked a, Ranked b) {
        int x = Integer.compare(a.misses(), b.misses());
        if (x != 0) return x;
        x = Double.compare(b.score(), a.score());
        if (x != 0) return x;
        x = Double.compare(a.candidate().getCostUsd(), b.candidate().getCostUsd());
        return x != 0 ? x : a.candidate().getKey().compareTo(b.candidate().getKey());
    }

    /** Changes shown in a report, smallest first. */
    public static final int MAX_CHANGES = 6;

    static List<Report.Change> changes(Outcome o) {
        List<Report.Change> out = new ArrayList<>();
        for (ChangeOption c : o.acceptedChanges()) {
            if (out.size() >= MAX_CHANGES) break;
            Report.Plan plan = plan(1, c.getPlan(), c.getPlanFindings());
            // the accepting rule's finding, in the outcome's language (translation keeps positions)
            int at = c.getReasonFinding();
            Finding accepting = at >= 0 && at < o.findings().size() ? o.findings().get(at) : null;
            List<Report.Reason> reasons = accepting == null ? List.of() : List.of(Report.Reason.of(accepting));
            out.add(new Report.Change(c.getKind(), accepting == null ? c.getReason() : accepting.getMessage(), plan, reasons));
        }
        return out;
    }

    private static double rankScore(List<Finding> fs) {
        if (fs == null) return 0;
        double sum = 0;
        for (Finding f : fs) sum += f.getRankWeight();
        return sum;
    }

    public static Report.Plan plan(int rank, Candidate c, List<Finding> fs) {
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("volumeGb", c.getStorageGb());
        if (c.getStorageVolume() != null) storage.put("volume", c.getStorageVolume());
        storage.put("localNvmeGb", c.getLocalNvmeGb());
        storage.put("costUsd", c.getStorageCostUsd());
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("gpuInterconnect", c.getGpuInterconnect());
        network.put("networkGbps", c.getNetworkGbps());
        network.put("rdmaFabric", c.getRdmaFabric());
        network.put("rdmaGbps", c.getRdmaGbps());
        List<Report.Reason> reasons = fs.stream().map(Report.Reason::of).toList();
        boolean withinBudget = fs.stream().noneMatch(f -> Finding.EFFECT_OVER_BUDGET.equals(f.getEffect()));
        boolean withinDeadline = fs.stream().noneMatch(f -> Finding.EFFECT_OVER_DEADLINE.equals(f.getEffect()));
        return new Report.Plan(rank, c.getProvider(), c.getInstanceType(), c.getRegion(), c.getGpu(), c.getGpuCount(),
                c.getNodes(), c.getGpuMemoryGb(), c.getMemoryPerGpuGb(), c.getSharding(), c.getRamGb(), storage, network,
                c.getPricing(), c.getUsdPerHour(), c.getPriceBasis(), c.getHours(), c.getCostUsd(), withinBudget,
                withinDeadline, rankScore(fs), reasons);
    }

    static Report.EstimateView estimateView(Estimate e, Proposal p) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("precision", e.getPrecision());
        settings.put("optimizer", p.getTraining().getOptimizer());
        settings.put("microBatchSize", e.getMicroBatchSize());
        settings.put("gradientCheckpointing", e.isGradientCheckpointing());
        settings.put("flashAttention", e.isFlashAttention());
        settings.put("sequenceLength", p.getSequenceLength());
        settings.put("quantizationBits", p.getQuantizationBits());
        if (p.getMethod().contains("lora")) {
            settings.put("loraRank", p.getTraining().getLoraRank());
            settings.put("loraTargets", p.getTraining().getLoraTargets());
        }
        if (p.getTraining().getMfu() != null) settings.put("mfu", p.getTraining().getMfu());
        settings.put("cpuOffload", p.getTraining().isCpuOffload());
        if (e.getOffloadHostRamGb() > 0) settings.put("offloadHostRamGb", Math.round(e.getOffloadHostRamGb() * 10) / 10.0);
        settings.put("modelMaxContext", e.getModelMaxContext());
        if (e.isSequenceBeyondContext()) settings.put("sequenceBeyondContext", true);
        return new Report.EstimateView(p.getModelId(), p.getParametersBillions(), p.getMethod(),
                Math.round(e.getMemoryGb() * 10) / 10.0, e.getMemory().asMap(), e.getTrainableParameters(),
                e.getTrainingTokens(), e.getTrainingFlops(), settings, new LazyList<>(e::getAssumptions));
    }
}

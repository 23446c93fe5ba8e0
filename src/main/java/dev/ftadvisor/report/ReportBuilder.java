package dev.ftadvisor.report;

import dev.ftadvisor.ranking.ShownPlanList;

import dev.ftadvisor.ranking.Recommender;

import dev.ftadvisor.ranking.PlanRanking;

import dev.ftadvisor.ranking.PlanFindings;

import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.Verdict;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the report from what the rules concluded and the engine ranked. It only selects, groups
 * and words: the recommendation and its alternatives (Recommender), the plan lines (ShownPlanList:
 * near-identical plans folded into one line), each plan's reasons (a reason every shown plan shares
 * is said once, in {@code planNotes}), rejected configurations with their reasons.
 */
public final class ReportBuilder {
    /** Plans shown in a report besides the recommendation's alternatives. */
    public static final int MAX_PLANS = ShownPlanList.MAX_PLANS;
    /** Catalog prices older than this many days are flagged in the report. */
    public static final int STALE_CATALOG_DAYS = 90;

    private ReportBuilder() {
    }

    public static Report build(Outcome o, String catalogAsOf, boolean includeTrace) {
        return build(o, catalogAsOf, includeTrace, Lang.EN);
    }

    public static Report build(Outcome o, String catalogAsOf, boolean includeTrace, Lang lang) {
        Texts t = Texts.of(lang);
        PlanFindings by = o.planFindings() != null && o.planFindings().covers(o.findings())
                ? o.planFindings() : PlanFindings.of(o.findings());
        List<Candidate> ranking = o.ranking() != null ? o.ranking()
                : PlanRanking.rank(o.candidates(), by, o.resolved().proposal().getObjective(), 0);
        Recommender.Picks picks = o.picks() != null ? o.picks() : Recommender.pick(ranking, by);
        List<ShownPlanList.Line> lines = o.shown() != null ? o.shown() : ShownPlanList.select(ranking, picks, by, MAX_PLANS);

        // reasons every shown plan shares (same rule, same message) are said once
        List<List<Finding>> reasonsByLine = new ArrayList<>(lines.size());
        for (ShownPlanList.Line l : lines) reasonsByLine.add(by.of(l.plan()));
        List<Finding> common = lines.size() > 1 ? shared(reasonsByLine) : List.of();

        List<Report.Plan> plans = new ArrayList<>(lines.size());
        Map<Candidate, Integer> rankOf = new IdentityHashMap<>();
        java.util.Set<Finding> planFindings = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> planFindingsInOrder = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ShownPlanList.Line l = lines.get(i);
            Candidate c = l.plan();
            List<Finding> own = new ArrayList<>(reasonsByLine.get(i).size());
            for (Finding f : reasonsByLine.get(i)) {
                if (planFindings.add(f)) planFindingsInOrder.add(f);
                // a proposal-wide finding (all spot plans, a whole region group) is said once, among the findings
                boolean proposalWide = f.getPricingScope() != null || f.getRegionScope() != null;
                if (!proposalWide && !containsSame(common, f)) own.add(f);
            }
            List<String> also = l.also().stream()
                    .map(a -> a.getProvider() + " " + a.getInstanceType() + " (" + a.getRegion() + ")").toList();
            plans.add(plan(i + 1, c, own, by, also));
            rankOf.put(c, i + 1);
        }
        Proposal p = o.resolved().proposal();
        Report.Recommendation recommendation = picks.recommended() == null ? null
                : recommendation(t, picks, rankOf, by, p, ranking);
        // candidates not ranked (rejected, or set aside by a gate: outside the region) by configuration
        // (its pricing models together), in catalog order
        java.util.Set<Candidate> ranked = java.util.Collections.newSetFromMap(new IdentityHashMap<>(ranking.size() * 2));
        ranked.addAll(ranking);
        Map<Configuration, RejectedGroup> rejected = new LinkedHashMap<>();
        for (Candidate c : o.candidates()) {
            if (!ranked.contains(c)) {
                rejected.computeIfAbsent(c.getConfiguration(), g -> new RejectedGroup(c)).add(c, by.of(c));
            }
        }
        List<Report.Rejected> rejectedList = new ArrayList<>(rejected.size());
        for (RejectedGroup g : rejected.values()) rejectedList.add(g.toReport());
        Verdict v = o.verdict();
        List<Finding> findings = new ArrayList<>(by.general());
        findings.addAll(planFindingsInOrder);
        return new Report(p.getId(), v == null ? null : v.getValue(),
                v == null ? "no verdict rule fired" : v.getSummary(), v == null ? null : v.getRuleId(), recommendation,
                estimateView(o.estimate(), p), plans, common.stream().map(Report.Reason::of).toList(),
                List.copyOf(rejectedList), changes(o), findings, includeTrace ? o.trace() : null, catalogAsOf,
                catalogNote(t, catalogAsOf, oldestPrice(lines)), o.rulesVersion(), o.resolved().assumptions());
    }

    /** The oldest price date among the plans shown (a row may be older than the catalog's own date). */
    private static String oldestPrice(List<ShownPlanList.Line> lines) {
        String oldest = null;
        for (ShownPlanList.Line l : lines) {
            String d = l.plan().getPriceAsOf();
            if (d != null && d.length() == 10 && (oldest == null || d.compareTo(oldest) < 0)) oldest = d;
        }
        return oldest;
    }

    /** The findings present (same rule, template and arguments: the same message) in every list. */
    private static List<Finding> shared(List<List<Finding>> lists) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : lists.get(0)) {
            if (f.isMiss() || f.isRejecting()) continue;
            boolean everywhere = true;
            for (int i = 1; i < lists.size() && everywhere; i++) everywhere = containsSame(lists.get(i), f);
            if (everywhere && !containsSame(out, f)) out.add(f);
        }
        return out;
    }

    private static boolean containsSame(List<Finding> fs, Finding f) {
        for (Finding g : fs) {
            if (sameReason(g, f)) return true;
        }
        return false;
    }

    /**
     * One line when the catalog's prices, or those of a plan shown, are older than
     * {@link #STALE_CATALOG_DAYS}, with the command that refreshes them; null otherwise.
     */
    static String catalogNote(Texts t, String asOf, String oldestShownPrice) {
        long days = catalogAgeDays(asOf);
        if (days > STALE_CATALOG_DAYS) return t.get("report.catalogStale", asOf, days, STALE_CATALOG_DAYS);
        if (oldestShownPrice == null) return null;
        long planDays = catalogAgeDays(oldestShownPrice);
        return planDays > STALE_CATALOG_DAYS ? t.get("report.planPriceStale", oldestShownPrice, planDays, STALE_CATALOG_DAYS) : null;
    }

    /** Days since the catalog's date (-1 when it is not a date), worked out once per date and day: batches ask per record. */
    private static long catalogAgeDays(String asOf) {
        if (asOf == null) return -1;
        java.time.LocalDate today = java.time.LocalDate.now();
        CatalogAge cached = catalogAge;
        if (cached == null || !cached.today().equals(today)) {
            cached = new CatalogAge(today, new java.util.concurrent.ConcurrentHashMap<>());
            catalogAge = cached;
        }
        return cached.days().computeIfAbsent(asOf, d -> {
            try {
                return java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(d), today);
            } catch (RuntimeException e) {
                return -1L;
            }
        });
    }

    /** Days since each date seen today (a catalog's and its rows' few dates): batches ask per record. */
    private record CatalogAge(java.time.LocalDate today, java.util.Map<String, Long> days) {
    }

    private static volatile CatalogAge catalogAge;

    static Report.Recommendation recommendation(Texts t, Recommender.Picks picks, Map<Candidate, Integer> rankOf,
                                                PlanFindings by, Proposal p, List<Candidate> ranking) {
        Candidate rec = picks.recommended();
        // worded when read: a batch written as CSV reads none of it
        List<String> why = new LazyList<>(() -> List.of(whyFirst(t, rec, by, p, ranking), whySecond(t, rec, p, by)));
        return new Report.Recommendation(rankOf.get(rec), why,
                alternative(t, picks.cheapest(), rec, rankOf, by),
                alternative(t, picks.fastest(), rec, rankOf, by),
                alternative(t, picks.onDemand(), rec, rankOf, by));
    }

    /** Why this plan: the best by the objective among plans that work as proposed, a tie-break, or the closest. */
    private static String whyFirst(Texts t, Candidate rec, PlanFindings by, Proposal p, List<Candidate> ranking) {
        boolean time = Proposal.OBJECTIVE_TIME.equals(p.getObjective());
        String head = Words.planName(rec);
        if (by.misses(rec) > 0) {
            return t.get("rec.why.closest", head, Words.misses(t, rec, by));
        }
        // the best figure among the plans that work as proposed
        Candidate best = rec;
        int asProposed = 0;
        for (Candidate c : ranking) {
            if (by.misses(c) != 0) continue;
            asProposed++;
            if (time ? c.getHours() < best.getHours() : c.getCostUsd() < best.getCostUsd()) best = c;
        }
        if (best == rec) {
            return t.get(time ? "rec.why.fastest" : "rec.why.cheapest", head, asProposed);
        }
        return t.get(time ? "rec.why.tieFastest" : "rec.why.tieCheapest", head,
                time ? Words.f1(best.getHours()) + " h" : Words.usd(best.getCostUsd()), Words.planName(best),
                Words.preference(t, rec, best, by));
    }

    /** What the plan is: hardware, layout, memory, pricing, hours and cost against the asked budget and deadline. */
    private static String whySecond(Texts t, Candidate rec, Proposal p, PlanFindings by) {
        List<String> within = new ArrayList<>(2);
        if (p.isBudgetGiven() && !by.isOverBudget(rec)) within.add(t.get("rec.ofBudget", Words.usd(p.getBudgetUsd())));
        if (p.isDeadlineGiven() && !by.isOverDeadline(rec)) within.add(t.get("rec.ofDeadline", Words.f1(p.getDeadlineHours())));
        String limits = within.isEmpty() ? "" : ", " + String.join(", ", within);
        return t.get("rec.why.what", Words.hardware(t, rec), Words.layout(t, rec.getSharding()),
                Words.f1(rec.getMemoryPerGpuGb()), String.format(java.util.Locale.ROOT, "%.0f", rec.getGpuMemoryGb()),
                Words.pricing(t, rec), Words.f1(rec.getHours()), Words.usd(rec.getCostUsd()), limits);
    }

    private static Report.Alternative alternative(Texts t, Candidate alt, Candidate rec, Map<Candidate, Integer> rankOf,
                                                  PlanFindings by) {
        if (alt == null || rankOf.get(alt) == null) return null;
        return new Report.Alternative(rankOf.get(alt), () -> Words.trade(t, alt, rec, by));
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
                boolean why = f.isRejecting() || Finding.EFFECT_OUT_OF_REGION.equals(f.getEffect());
                if (why && reasons.stream().noneMatch(g -> sameReason(g, f))) reasons.add(f);
            }
        }

        Report.Rejected toReport() {
            return new Report.Rejected(first.getProvider(), first.getInstanceType(), first.getRegion(), first.getGpu(),
                    first.getGpuCount(), first.getNodes(), List.copyOf(pricing),
                    reasons.stream().map(Report.Reason::of).toList());
        }
    }

    /** The same finding, or one of the same rule with the same message template and arguments. */
    private static boolean sameReason(Finding a, Finding b) {
        return a == b || (a.getId().equals(b.getId()) && java.util.Objects.equals(a.getTemplate(), b.getTemplate())
                && a.getArgs().equals(b.getArgs()));
    }

    /** Changes shown in a report, smallest first. */
    public static final int MAX_CHANGES = 6;

    static List<Report.Change> changes(Outcome o) {
        List<Report.Change> out = new ArrayList<>();
        for (ChangeOption c : o.acceptedChanges()) {
            if (out.size() >= MAX_CHANGES) break;
            Report.Plan plan = plan(1, c.getPlan(), c.getPlanFindings(), null, List.of());
            // the accepting rule's finding, in the outcome's language (translation keeps positions)
            int at = c.getReasonFinding();
            Finding accepting = at >= 0 && at < o.findings().size() ? o.findings().get(at) : null;
            List<Report.Reason> reasons = accepting == null ? List.of() : List.of(Report.Reason.of(accepting));
            out.add(new Report.Change(c.getKind(), accepting == null ? c.getReason() : accepting.getMessage(), plan, reasons));
        }
        return out;
    }

    /**
     * A plan line. {@code by} reads the plan's standing (null for a change's plan, whose findings come
     * from the variant's own consultation: its standing is then read off {@code fs}).
     */
    public static Report.Plan plan(int rank, Candidate c, List<Finding> fs, PlanFindings by, List<String> also) {
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
        // a change's plan comes with its variant's findings about it: its standing is read off them
        PlanFindings.Standing s = (by != null ? by : PlanFindings.of(fs)).standing(c);
        return new Report.Plan(rank, c.getProvider(), c.getInstanceType(), c.getRegion(), c.getGpu(), c.getGpuCount(),
                c.getNodes(), c.getGpuMemoryGb(), c.getMemoryPerGpuGb(), c.getSharding(), c.getRamGb(), storage, network,
                c.getPricing(), c.getUsdPerHour(), c.getPriceBasis(), c.getReworkHours(), c.getHours(), c.getCostUsd(),
                !s.overBudget(), !s.overDeadline(), !s.outOfRegion(), !(s.notRecommended() || s.suspect()),
                s.rankScore(), List.copyOf(also), reasons);
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
        settings.put("objective", p.getObjective());
        return new Report.EstimateView(p.getModelId(), p.getParametersBillions(), p.getMethod(),
                Math.round(e.getMemoryGb() * 10) / 10.0, e.getMemory().asMap(), e.getTrainableParameters(),
                e.getTrainingTokens(), e.getTrainingFlops(), settings, new LazyList<>(e::getAssumptions));
    }
}

package dev.ftadvisor.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The candidates still standing once every judging rule has fired (those no rule rejected, nor their
 * configuration), with a few plain aggregates of them. Inserted by the engine for the "plans" phase,
 * whose rules give advice about the plans as a whole ("when spot plans remain", "for each provider that
 * still has plans"), and read by the verdict rules (how many stand within budget and deadline). The
 * aggregates are counting, sets and minima/maxima, never thresholds: the rules compare them. Reading
 * one summary fact once is the same judgment as {@code exists Candidate(...)} over the live candidates,
 * without every rejection re-evaluating every such rule (in a batch that churn cost a third of the
 * engine's time). Rules needing another property can still write {@code exists Candidate(...) from
 * $plans.candidates}.
 */
public final class StandingPlans {
    private final List<Candidate> candidates;
    private final int asProposed;
    private final Set<String> providers;
    private final Set<String> pricings;
    private final int maxGpuCount;
    private final int maxSingleNodeGpuCount;
    private final double shortestOnDemandHours;
    private final List<Double> ramToGpuMemoryRatios;
    private final boolean anyWithoutBf16;

    /**
     * @param asProposed how many of the candidates work as proposed: no rule marked them over budget,
     *        over deadline, out of region or not recommended (a count of the rules' findings, read by
     *        the verdict rules)
     */
    public StandingPlans(List<Candidate> candidates, int asProposed) {
        this.candidates = List.copyOf(candidates);
        this.asProposed = asProposed;
        Set<String> providers = new TreeSet<>();
        Set<String> pricings = new TreeSet<>();
        double[] ratios = new double[candidates.size()];
        int ratioCount = 0;
        int maxGpus = 0;
        int maxSingleNode = 0;
        double shortest = Double.POSITIVE_INFINITY;
        boolean withoutBf16 = false;
        Configuration last = null;
        for (Candidate c : candidates) {
            pricings.add(c.getPricing());
            if ("on-demand".equals(c.getPricing())) shortest = Math.min(shortest, c.getHours());
            // the hardware aggregates, once per configuration (its pricing models stand next to each other)
            if (c.getConfiguration() == last) continue;
            last = c.getConfiguration();
            providers.add(c.getProvider());
            maxGpus = Math.max(maxGpus, c.getGpuCount());
            if (c.getNodes() == 1) maxSingleNode = Math.max(maxSingleNode, c.getGpuCount());
            if (c.getTotalGpuMemoryGb() > 0) ratios[ratioCount++] = c.getRamGb() / c.getTotalGpuMemoryGb();
            withoutBf16 |= !c.isBf16Supported();
        }
        this.providers = Collections.unmodifiableSet(providers);
        this.pricings = Collections.unmodifiableSet(pricings);
        this.maxGpuCount = maxGpus;
        this.maxSingleNodeGpuCount = maxSingleNode;
        this.shortestOnDemandHours = shortest;
        this.ramToGpuMemoryRatios = distinctAscending(ratios, ratioCount);
        this.anyWithoutBf16 = withoutBf16;
    }

    private static List<Double> distinctAscending(double[] values, int count) {
        double[] sorted = java.util.Arrays.copyOf(values, count);
        java.util.Arrays.sort(sorted);
        List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) out.add(sorted[i]);
        }
        return Collections.unmodifiableList(out);
    }

    public List<Candidate> getCandidates() { return candidates; }

    /** How many candidates stand. */
    public int getCount() { return candidates.size(); }

    /** How many standing candidates work as proposed (within budget, deadline and region, pricing as asked). */
    public int getAsProposed() { return asProposed; }

    /** Providers with at least one standing plan. */
    public Set<String> getProviders() { return providers; }

    /** Pricing models (on-demand, spot, reserved) with at least one standing plan. */
    public Set<String> getPricings() { return pricings; }

    /** The most GPUs per node among standing plans (0 when none stands). */
    public int getMaxGpuCount() { return maxGpuCount; }

    /** The most GPUs per node among standing single-node plans (0 when none stands). */
    public int getMaxSingleNodeGpuCount() { return maxSingleNodeGpuCount; }

    /** Hours of the fastest standing on-demand plan (infinity when none stands). */
    public double getShortestOnDemandHours() { return shortestOnDemandHours; }

    /** Host RAM over the node's total GPU memory, each distinct value among standing plans, ascending. */
    public List<Double> getRamToGpuMemoryRatios() { return ramToGpuMemoryRatios; }

    /** Whether some standing plan is on a GPU without bf16. */
    public boolean isAnyWithoutBf16() { return anyWithoutBf16; }

    @Override
    public String toString() {
        return "StandingPlans(" + candidates.size() + " candidates, providers " + providers + ", pricings " + pricings + ")";
    }
}

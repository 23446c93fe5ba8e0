package dev.ftadvisor.engine;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.Verdict;

import java.util.List;
import java.util.Map;

/**
 * Names the facts a rule matched, compactly, for findings and the trace: a configuration or candidate
 * by its key and main numbers, the proposal by its main fields. Only values, never whole object graphs.
 */
final class FactDescriber {
    private FactDescriber() {
    }

    static void describe(Object o, Map<String, Object> out) {
        if (o instanceof dev.ftadvisor.model.Configuration c) {
            out.put("configuration", c.getKey());
            describeHardware(c, out);
            out.put("computeHours", c.getComputeHours());
        } else if (o instanceof Candidate c) {
            out.put("candidate", c.getKey());
            describeHardware(c.getConfiguration(), out);
            out.put("costUsd", c.getCostUsd());
            out.put("hours", c.getHours());
            out.put("pricing", c.getPricing());
        } else if (o instanceof Proposal p) {
            out.put("proposal", p.getId());
            out.put("model", p.getModelId());
            out.put("parametersBillions", p.getParametersBillions());
            out.put("method", p.getMethod());
            if (p.getBudgetUsd() != null) out.put("budgetUsd", p.getBudgetUsd());
            if (p.getDeadlineHours() != null) out.put("deadlineHours", p.getDeadlineHours());
        } else if (o instanceof Estimate e) {
            out.put("estimateMemoryGb", Math.round(e.getMemoryGb() * 10) / 10.0);
        } else if (o instanceof Finding f) {
            out.put("finding", f.getId());
        } else if (o instanceof dev.ftadvisor.model.ChangeOption c) {
            out.put("change", c.getKind() + ": " + c.getFromValue() + " -> " + c.getToValue());
            out.put("changeCostUsd", c.getCostUsd());
            if (c.getBudgetUsd() != null) out.put("changeBudgetUsd", c.getBudgetUsd());
            if (c.getDeadlineHours() != null) out.put("changeDeadlineHours", c.getDeadlineHours());
        } else if (o instanceof dev.ftadvisor.model.StandingPlans sp) {
            // the aggregates the "plans" rules compare, as numbers and lists (not the 100+ candidates)
            out.put("standingPlans", sp.getCount());
            out.put("providers", List.copyOf(sp.getProviders()));
            out.put("pricings", List.copyOf(sp.getPricings()));
            out.put("maxGpuCount", sp.getMaxGpuCount());
            out.put("maxSingleNodeGpuCount", sp.getMaxSingleNodeGpuCount());
            if (Double.isFinite(sp.getShortestOnDemandHours())) out.put("shortestOnDemandHours", sp.getShortestOnDemandHours());
            out.put("anyWithoutBf16", sp.isAnyWithoutBf16());
        } else if (o instanceof Verdict v) {
            out.put("verdict", v.getValue());
        } else if (o != null) {
            out.put(o.getClass().getSimpleName(), String.valueOf(o));
        }
    }

    /** What a configuration and each of its candidates show of the hardware. */
    private static void describeHardware(dev.ftadvisor.model.Configuration c, Map<String, Object> out) {
        out.put("gpu", c.getGpu());
        out.put("gpuCount", c.getGpuCount());
        out.put("nodes", c.getNodes());
        out.put("gpuMemoryGb", c.getGpuMemoryGb());
        out.put("memoryPerGpuGb", c.getMemoryPerGpuGb());
        out.put("ramGb", c.getRamGb());
    }

    /** The matched facts of one firing, described into one map. */
    static Map<String, Object> describeAll(Object[] matched) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Object o : matched) describe(o, m);
        return m;
    }

    static Map<String, Object> describe(Object o) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        describe(o, m);
        return m;
    }
}

package dev.ftadvisor.audit;

import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java half of {@code --explain}: the facts the Java side derived before any rule ran, and from
 * what. Values the proposal did not state (assumptions, with their source), the single-GPU estimate
 * by component, and for each candidate how its per-GPU memory, hours and cost were put together.
 * It reads the derived facts back; it does not recompute them.
 */
public final class Derivations {
    private Derivations() {
    }

    public static Map<String, Object> of(Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> assumed = new ArrayList<>();
        for (Assumption a : o.resolved().assumptions()) assumed.add(a.field() + " = " + a.value() + " (" + a.source() + ")");
        out.put("assumptions", assumed);
        Estimate e = o.estimate();
        Map<String, Object> est = new LinkedHashMap<>();
        est.put("memoryGb", r1(e.getMemoryGb()) + " GB on one GPU without sharding = " + e.getMemory().asMap().entrySet().stream()
                .map(x -> x.getKey() + " " + r1(x.getValue())).reduce((a, b) -> a + " + " + b).orElse(""));
        est.put("trainableParameters", String.format(Locale.ROOT, "%.3g (method %s)", e.getTrainableParameters(),
                o.resolved().proposal().getMethod()));
        est.put("trainingTokens", String.format(Locale.ROOT, "%.3g (dataset tokens x epochs)", e.getTrainingTokens()));
        est.put("trainingFlops", String.format(Locale.ROOT, "%.3g (from parameters and training tokens)", e.getTrainingFlops()));
        est.put("settings", String.format(Locale.ROOT, "precision %s, micro-batch %d, gradient checkpointing %s, flash attention %s",
                e.getPrecision(), e.getMicroBatchSize(), e.isGradientCheckpointing(), e.isFlashAttention()));
        out.put("estimate", est);
        List<String> cands = new ArrayList<>();
        for (Candidate c : o.candidates()) {
            cands.add(String.format(Locale.ROOT,
                    "%s: memoryPerGpuGb %.1f (%s over %d GPU(s)%s) of %.1f GB; hours %.2f = compute %.2f + rework %.2f;"
                            + " costUsd %.2f = %.2f billed h x $%.4f/h (%s) + storage $%.2f",
                    c.getKey(), c.getMemoryPerGpuGb(), c.getSharding(), c.getTotalGpus(), c.isCpuOffload() ? ", optimizer offloaded" : "",
                    c.getGpuMemoryGb(), c.getHours(), c.getComputeHours(), c.getReworkHours(), c.getCostUsd(),
                    c.getBilledHours(), c.getUsdPerHour(), c.getPriceBasis(), c.getStorageCostUsd()));
        }
        out.put("candidates", cands);
        return out;
    }

    @SuppressWarnings("unchecked")
    public static String toText(Map<String, Object> d) {
        StringBuilder sb = new StringBuilder("Derived by Java before the rules ran (the facts they matched on):\n");
        sb.append("  Assumptions:\n");
        ((List<String>) d.get("assumptions")).forEach(a -> sb.append("    ").append(a).append('\n'));
        sb.append("  Estimate:\n");
        ((Map<String, Object>) d.get("estimate")).forEach((k, v) -> sb.append("    ").append(k).append(": ").append(v).append('\n'));
        sb.append("  Candidates:\n");
        ((List<String>) d.get("candidates")).forEach(c -> sb.append("    ").append(c).append('\n'));
        return sb.toString();
    }

    private static double r1(double d) {
        return Math.round(d * 10) / 10.0;
    }
}

package dev.ftadvisor.audit;

import java.util.Map;
import java.util.Set;

/**
 * The value ranges the Java side guarantees for the facts it hands the rules (ProposalResolver
 * validates the proposal; the estimators and the catalog schemas bound the rest). Lint uses them to
 * find conditions that can never hold, such as {@code Candidate( gpuMemoryGb < 0 )}. Only fields whose
 * range is a guarantee of the code are listed; anything else is treated as unbounded.
 */
final class FactRanges {
    /** A closed or open numeric interval; NaN bounds mean "no bound". */
    record Range(double min, boolean minOpen, double max, boolean maxOpen) {
        static Range atLeast(double min) { return new Range(min, false, Double.NaN, false); }
        static Range above(double min) { return new Range(min, true, Double.NaN, false); }
        static Range between(double min, double max) { return new Range(min, false, max, false); }

        String describe() {
            String lo = Double.isNaN(min) ? "" : (minOpen ? "> " : ">= ") + Num.fmt(min);
            String hi = Double.isNaN(max) ? "" : (maxOpen ? "< " : "<= ") + Num.fmt(max);
            return lo.isEmpty() ? hi : hi.isEmpty() ? lo : lo + " and " + hi;
        }
    }

    /** The hardware's ranges: a Configuration's fields, which a Candidate reads through. */
    private static final Map<String, Range> HARDWARE = Map.ofEntries(
            Map.entry("gpuMemoryGb", Range.above(0)), Map.entry("memoryPerGpuGb", Range.atLeast(0)),
            Map.entry("gpuCount", Range.atLeast(1)), Map.entry("nodes", Range.atLeast(1)),
            Map.entry("totalGpus", Range.atLeast(1)), Map.entry("totalGpuMemoryGb", Range.above(0)),
            Map.entry("ramGb", Range.atLeast(0)), Map.entry("hostRamNeededGb", Range.atLeast(0)),
            Map.entry("vcpus", Range.atLeast(0)), Map.entry("localNvmeGb", Range.atLeast(0)),
            Map.entry("networkGbps", Range.atLeast(0)), Map.entry("rdmaGbps", Range.atLeast(0)),
            Map.entry("computeHours", Range.atLeast(0)), Map.entry("onDemandUsdPerHour", Range.atLeast(0)),
            Map.entry("storageGb", Range.atLeast(0)), Map.entry("zeroStage", Range.between(0, 3)));

    private static Map<String, Range> withHardware(Map<String, Range> own) {
        Map<String, Range> all = new java.util.HashMap<>(HARDWARE);
        all.putAll(own);
        return Map.copyOf(all);
    }

    static final Map<String, Map<String, Range>> NUMERIC = Map.of(
            "Configuration", HARDWARE,
            "Candidate", withHardware(Map.of(
                    "usdPerHour", Range.atLeast(0), "hours", Range.atLeast(0), "reworkHours", Range.atLeast(0),
                    "billedHours", Range.atLeast(0), "costUsd", Range.atLeast(0), "storageCostUsd", Range.atLeast(0))),
            "Proposal", Map.of(
                    "parametersBillions", Range.above(0), "budgetUsd", Range.above(0), "deadlineHours", Range.above(0),
                    "epochs", Range.above(0), "sequenceLength", Range.atLeast(1), "quantizationBits", Range.between(4, 16)),
            "Estimate", Map.of(
                    "memoryGb", Range.atLeast(0), "trainableParameters", Range.atLeast(0), "trainingTokens", Range.atLeast(0),
                    "trainingFlops", Range.atLeast(0), "microBatchSize", Range.atLeast(1), "offloadHostRamGb", Range.atLeast(0)),
            "ModelSpec", Map.of("parametersBillions", Range.above(0)));

    /** String fields with a closed set of values (the contract's enums). */
    static final Map<String, Map<String, Set<String>>> ENUMS = Map.of(
            "Proposal", Map.of("method", Set.of("full", "freeze", "lora", "qlora", "prefix-tuning", "p-tuning")),
            "Candidate", Map.of("pricing", Set.of("on-demand", "spot", "reserved")),
            "Finding", Map.of("effect", Set.of("none", "reject", "over-budget", "over-deadline", "out-of-region", "not-recommended", "suspect", "rank"),
                    "severity", Set.of("blocker", "warning", "advice", "info")),
            "Verdict", Map.of("value", Set.of("feasible", "feasible-with-changes", "infeasible")));

    private FactRanges() {
    }

    /** Number formatting for lint messages: no trailing ".0". */
    static final class Num {
        static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }

        private Num() {
        }
    }
}

package dev.ftadvisor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ftadvisor.engine.TraceListener;
import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;

import java.util.List;
import java.util.Map;

/** The contract's report shape. Renderers (text, JSON, ...) all read this one model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"proposalId", "verdict", "summary", "verdictRule", "estimate", "plans", "rejected", "changes",
        "findings", "trace", "catalogAsOf", "rulesVersion", "assumptions"})
public record Report(String proposalId, String verdict, String summary, String verdictRule, EstimateView estimate,
                     List<Plan> plans, List<Rejected> rejected, List<Change> changes, List<Finding> findings,
                     List<TraceListener.Firing> trace, String catalogAsOf, String rulesVersion,
                     List<Assumption> assumptions) {

    @JsonPropertyOrder({"model", "parametersBillions", "method", "memoryGb", "memory", "trainableParameters",
            "trainingTokens", "trainingFlops", "settings", "assumptions"})
    public record EstimateView(String model, double parametersBillions, String method, double memoryGb,
                               Map<String, Double> memory, double trainableParameters, double trainingTokens,
                               double trainingFlops, Map<String, Object> settings,
                               List<Estimate.Assumption> assumptions) {
    }

    /**
     * One reason attached to a plan: the finding's id, its message, where its rule is. The message is
     * formatted when it is first read (rendered or serialized), not when the report is built: a batch
     * written as a CSV summary reads one message per record, not the dozens of rejection reasons a
     * full report lists.
     */
    @JsonPropertyOrder({"id", "severity", "message", "rule", "ruleFile", "ruleLine", "sources", "rankWeight"})
    public static final class Reason {
        private final Finding finding;

        private Reason(Finding finding) {
            this.finding = finding;
        }

        static Reason of(Finding f) {
            return new Reason(f);
        }

        @JsonProperty public String id() { return finding.getId(); }
        @JsonProperty public String severity() { return finding.getSeverity(); }
        @JsonProperty public String message() { return finding.getMessage(); }
        @JsonProperty public String rule() { return finding.getRule(); }
        @JsonProperty public String ruleFile() { return finding.getRuleFile(); }
        @JsonProperty public int ruleLine() { return finding.getRuleLine(); }
        @JsonProperty public List<String> sources() { return finding.getSources(); }
        @JsonProperty public Double rankWeight() { return finding.getRankWeight() == 0 ? null : finding.getRankWeight(); }

        @Override
        public String toString() {
            return severity() + " " + id() + ": " + message();
        }
    }

    @JsonPropertyOrder({"rank", "provider", "instanceType", "region", "gpu", "gpuCount", "nodes", "gpuMemoryGb",
            "memoryPerGpuGb", "sharding", "ramGb", "storage", "network", "pricing", "usdPerHour", "hours",
            "costUsd", "withinBudget", "withinDeadline", "reasons"})
    public record Plan(int rank, String provider, String instanceType, String region, String gpu, int gpuCount,
                       int nodes, double gpuMemoryGb, double memoryPerGpuGb, String sharding, double ramGb,
                       Map<String, Object> storage, Map<String, Object> network, String pricing, double usdPerHour,
                       String priceBasis, double hours, double costUsd, boolean withinBudget, boolean withinDeadline,
                       double rankScore, List<Reason> reasons) {
    }

    public record Rejected(String provider, String instanceType, String region, String gpu, int gpuCount, int nodes,
                           List<String> pricing, List<Reason> reasons) {
    }

    /** A change to the proposal that would make it work, with the plan it leads to. */
    public record Change(String kind, String description, Plan plan, List<Reason> reasons) {
    }
}

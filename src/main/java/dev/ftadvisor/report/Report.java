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
@JsonPropertyOrder({"proposalId", "verdict", "summary", "verdictRule", "recommendation", "estimate", "plans",
        "planNotes", "rejected", "changes", "findings", "trace", "catalogAsOf", "catalogNote", "rulesVersion", "assumptions"})
public record Report(String proposalId, String verdict, String summary, String verdictRule, Recommendation recommendation,
                     EstimateView estimate, List<Plan> plans, List<Reason> planNotes, List<Rejected> rejected,
                     List<Change> changes, List<Finding> findings, List<TraceListener.Firing> trace, String catalogAsOf,
                     String catalogNote, String rulesVersion, List<Assumption> assumptions) {

    /**
     * What a consultant leads with: the plan to rent (its rank in {@code plans}) and why, in two lines;
     * then the alternatives worth naming (cheapest, fastest, and the best on-demand plan when the
     * recommendation is spot), each by rank with what it trades against the recommendation.
     */
    @JsonPropertyOrder({"rank", "why", "cheapest", "fastest", "onDemand"})
    public record Recommendation(int rank, List<String> why, Alternative cheapest, Alternative fastest,
                                 Alternative onDemand) {
    }

    /**
     * An alternative to the recommendation: its rank in {@code plans} and what it trades, worded when
     * first read (a batch written as CSV never reads it).
     */
    @JsonPropertyOrder({"rank", "trade"})
    public static final class Alternative {
        private final int rank;
        private java.util.function.Supplier<String> source;
        private String trade;

        Alternative(int rank, java.util.function.Supplier<String> trade) {
            this.rank = rank;
            this.source = trade;
        }

        @JsonProperty public int rank() { return rank; }

        @JsonProperty public synchronized String trade() {
            if (trade == null) {
                trade = source.get();
                source = null;
            }
            return trade;
        }
    }

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
        /** The region group or pricing model a proposal-wide finding covers (null for one about a single plan). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String scope() {
            return finding.getRegionScope() != null ? finding.getRegionScope() : finding.getPricingScope();
        }

        @Override
        public String toString() {
            return severity() + " " + id() + ": " + message();
        }
    }

    @JsonPropertyOrder({"rank", "provider", "instanceType", "region", "gpu", "gpuCount", "nodes", "gpuMemoryGb",
            "memoryPerGpuGb", "sharding", "ramGb", "storage", "network", "pricing", "usdPerHour", "priceBasis",
            "reworkHours", "hours", "costUsd", "withinBudget", "withinDeadline", "inRegion", "recommendable", "also",
            "reasons"})
    public record Plan(int rank, String provider, String instanceType, String region, String gpu, int gpuCount,
                       int nodes, double gpuMemoryGb, double memoryPerGpuGb, String sharding, double ramGb,
                       Map<String, Object> storage, Map<String, Object> network, String pricing, double usdPerHour,
                       String priceBasis, double reworkHours, double hours, double costUsd, boolean withinBudget,
                       boolean withinDeadline, boolean inRegion, boolean recommendable, double rankScore,
                       List<String> also, List<Reason> reasons) {
    }

    public record Rejected(String provider, String instanceType, String region, String gpu, int gpuCount, int nodes,
                           List<String> pricing, List<Reason> reasons) {
    }

    /** A change to the proposal that would make it work, with the plan it leads to. */
    public record Change(String kind, String description, Plan plan, List<Reason> reasons) {
    }
}

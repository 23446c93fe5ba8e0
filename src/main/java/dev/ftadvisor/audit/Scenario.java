package dev.ftadvisor.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One rule scenario test (Cedar/OPA style): a proposal, then what the consultation must and must not
 * conclude. Stored in {@code rules/tests/*.yaml} under a top-level {@code scenarios:} list.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public class Scenario {
    /** States the input and the expected outcome, e.g. "8B full fine-tune on 24 GB cards is rejected". */
    public String name;
    /** The proposal, exactly as a user would write it (contract fields). */
    public JsonNode proposal;
    public Expect expect = new Expect();
    /** Set by the loader: file and line of the scenario, for messages. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String location;

    public static class Expect {
        /** Expected verdict: feasible, feasible-with-changes or infeasible. */
        public String verdict;
        /** Rule ids that must produce at least one finding. */
        public List<String> fires = List.of();
        /** Rule ids that must produce no finding. */
        public List<String> quiet = List.of();
        /** Finer checks on findings. */
        public List<FindingExpectation> findings = List.of();
        /** Constraints on the top-ranked plan. */
        public PlanExpectation topPlan;
        /** Expect the proposal itself to be refused: a substring of the input error message. */
        public String inputError;
    }

    public static class FindingExpectation {
        public String rule;
        /**
         * Prefix of the key the finding names ("aws/g5.xlarge/"), or absent for any. Hardware findings name
         * a configuration ("aws/g5.xlarge/us-east-1/x1"), pricing findings a candidate (".../x1/spot"):
         * a prefix up to the node count matches both.
         */
        public String candidate;
        public String messageContains;
        public String severity;
    }

    public static class PlanExpectation {
        public String provider;
        public String instanceType;
        public String gpu;
        public Integer minGpuCount;
        public Integer maxGpuCount;
        public Double maxCostUsd;
        public Double maxMemoryPerGpuGb;
        public String pricing;
    }
}

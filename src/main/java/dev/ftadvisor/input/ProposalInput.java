package dev.ftadvisor.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A proposal exactly as written by its author (JSON, YAML, flags, a CSV row or an HTTP body), before
 * validation. Field names are the contract's; unknown fields are refused by the reader.
 */
public class ProposalInput {
    public String id;
    public String model;
    public Double parametersBillions;
    public String method;
    public Integer quantizationBits;
    public Dataset dataset;
    public Integer sequenceLength;
    public Double epochs;
    public Double budgetUsd;
    public Double deadlineHours;
    public String region;
    public List<String> providers;
    public Boolean spotAllowed;
    public Boolean multiNodeAllowed;
    public Boolean multiNodeSpot;
    public String objective;
    public Training training;

    /** Dataset size: tokens, or examples times average tokens per example. Sizes accept 20M, 1.5B. */
    public static class Dataset {
        public JsonNode tokens;
        public JsonNode examples;
        public Double avgTokensPerExample;
    }

    /** The contract's {@code training} overrides. */
    public static class Training {
        public String precision;
        public String optimizer;
        public Integer microBatchSize;
        public Boolean gradientCheckpointing;
        public Integer loraRank;
        public List<String> loraTargets;
        public Integer zeroStage;
        public Boolean cpuOffload;
        public Double mfu;
        public Double checkpointIntervalHours;
        public Double trainableFraction;
        public Integer virtualTokens;
    }
}

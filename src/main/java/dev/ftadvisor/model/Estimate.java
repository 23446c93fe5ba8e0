package dev.ftadvisor.model;

import java.util.List;

/**
 * The proposal's need on one GPU without sharding (the contract's {@code estimate}), computed in Java
 * and handed to the rules as a fact.
 */
public class Estimate {
    private final MemoryBreakdown memory;
    private final double trainableParameters;
    private final double trainingTokens;
    private final double trainingFlops;
    private final String precision;
    private final int microBatchSize;
    private final boolean gradientCheckpointing;
    private final boolean flashAttention;
    /** Host RAM the run needs beyond the OS when optimizer states are offloaded to the CPU. */
    private final double offloadHostRamGb;
    private final int sequenceLength;
    private final int modelMaxContext;
    /** Made when first read: a report shows them, the variants the change explorer consults do not. */
    private java.util.function.Supplier<List<Assumption>> assumptionSource;
    private List<Assumption> assumptions;

    /** A constant or default the estimator used, with its value and where it comes from. */
    public record Assumption(String name, String value, String source) {
    }

    public Estimate(MemoryBreakdown memory, double trainableParameters, double trainingTokens,
                    double trainingFlops, String precision, int microBatchSize,
                    boolean gradientCheckpointing, boolean flashAttention, double offloadHostRamGb,
                    int sequenceLength, int modelMaxContext, java.util.function.Supplier<List<Assumption>> assumptions) {
        this.sequenceLength = sequenceLength;
        this.modelMaxContext = modelMaxContext;
        this.assumptionSource = assumptions;
        this.memory = memory;
        this.trainableParameters = trainableParameters;
        this.trainingTokens = trainingTokens;
        this.trainingFlops = trainingFlops;
        this.precision = precision;
        this.microBatchSize = microBatchSize;
        this.gradientCheckpointing = gradientCheckpointing;
        this.flashAttention = flashAttention;
        this.offloadHostRamGb = offloadHostRamGb;
    }

    public MemoryBreakdown getMemory() { return memory; }
    public double getMemoryGb() { return memory.getTotal(); }
    public double getTrainableParameters() { return trainableParameters; }
    public double getTrainingTokens() { return trainingTokens; }
    public double getTrainingFlops() { return trainingFlops; }
    public String getPrecision() { return precision; }
    public int getMicroBatchSize() { return microBatchSize; }
    public boolean isGradientCheckpointing() { return gradientCheckpointing; }
    public boolean isFlashAttention() { return flashAttention; }
    public double getOffloadHostRamGb() { return offloadHostRamGb; }
    public int getSequenceLength() { return sequenceLength; }
    public int getModelMaxContext() { return modelMaxContext; }
    /** True when the sequence is longer than the model was trained for (the estimate still counts it). */
    public boolean isSequenceBeyondContext() { return modelMaxContext > 0 && sequenceLength > modelMaxContext; }
    public synchronized List<Assumption> getAssumptions() {
        if (assumptions == null) {
            assumptions = List.copyOf(assumptionSource.get());
            assumptionSource = null;
        }
        return assumptions;
    }
}

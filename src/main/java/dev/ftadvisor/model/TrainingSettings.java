package dev.ftadvisor.model;

import java.util.List;

/**
 * How training is run: the contract's {@code training} overrides, with defaults filled in.
 * {@code zeroStage} null means "chosen per candidate" (none on one GPU, ZeRO-3 across several).
 */
public final class TrainingSettings {
    private String precision = "mixed";
    private String optimizer = "adamw";
    private int microBatchSize = 1;
    private boolean gradientCheckpointing = true;
    private int loraRank = 8;
    private List<String> loraTargets = List.of("q_proj", "v_proj");
    private Integer zeroStage;
    private boolean cpuOffload;
    private Double mfu;
    private double checkpointIntervalHours = 1.0;
    /** Null: the estimator's default (the last 2 layers, as LLaMA-Factory's freeze tuning). */
    private Double trainableFraction;
    private int virtualTokens = 20;

    public String getPrecision() { return precision; }
    private void setPrecision(String precision) { this.precision = precision; }
    public String getOptimizer() { return optimizer; }
    private void setOptimizer(String optimizer) { this.optimizer = optimizer; }
    public int getMicroBatchSize() { return microBatchSize; }
    private void setMicroBatchSize(int microBatchSize) { this.microBatchSize = microBatchSize; }
    public boolean isGradientCheckpointing() { return gradientCheckpointing; }
    private void setGradientCheckpointing(boolean g) { this.gradientCheckpointing = g; }
    public int getLoraRank() { return loraRank; }
    private void setLoraRank(int loraRank) { this.loraRank = loraRank; }
    public List<String> getLoraTargets() { return loraTargets; }
    private void setLoraTargets(List<String> loraTargets) { this.loraTargets = List.copyOf(loraTargets); }
    public Integer getZeroStage() { return zeroStage; }
    private void setZeroStage(Integer zeroStage) { this.zeroStage = zeroStage; }
    public boolean isCpuOffload() { return cpuOffload; }
    private void setCpuOffload(boolean cpuOffload) { this.cpuOffload = cpuOffload; }
    public Double getMfu() { return mfu; }
    private void setMfu(Double mfu) { this.mfu = mfu; }
    public double getCheckpointIntervalHours() { return checkpointIntervalHours; }
    private void setCheckpointIntervalHours(double h) { this.checkpointIntervalHours = h; }
    public Double getTrainableFraction() { return trainableFraction; }
    private void setTrainableFraction(Double f) { this.trainableFraction = f; }
    public int getVirtualTokens() { return virtualTokens; }
    private void setVirtualTokens(int virtualTokens) { this.virtualTokens = virtualTokens; }

    private TrainingSettings() {
    }

    /** A builder for a new one. */
    public static Builder builder() {
        return new Builder(new TrainingSettings());
    }

    /** A builder that starts from this one's values (a variant of it); this one is unchanged. */
    public Builder toBuilder() {
        return new Builder(copy());
    }

    private TrainingSettings copy() {
        TrainingSettings t = new TrainingSettings();
        t.precision = precision; t.optimizer = optimizer; t.microBatchSize = microBatchSize;
        t.gradientCheckpointing = gradientCheckpointing; t.loraRank = loraRank; t.loraTargets = loraTargets;
        t.zeroStage = zeroStage; t.cpuOffload = cpuOffload; t.mfu = mfu;
        t.checkpointIntervalHours = checkpointIntervalHours; t.trainableFraction = trainableFraction;
        t.virtualTokens = virtualTokens;
        return t;
    }

    /**
     * Builds training settings (the resolver does; a variant changes one through toBuilder()). The only way to make one: what the rules see cannot be changed after
     * it is built (the rules' compiled code may not call a setter either, see RuleBytecodeCheck).
     */
    public static final class Builder extends FactBuilder<TrainingSettings> {
        private Builder(TrainingSettings target) {
            super(target);
        }

        public Builder setPrecision(String precision) {
            target().setPrecision(precision);
            return this;
        }

        public Builder setOptimizer(String optimizer) {
            target().setOptimizer(optimizer);
            return this;
        }

        public Builder setMicroBatchSize(int microBatchSize) {
            target().setMicroBatchSize(microBatchSize);
            return this;
        }

        public Builder setGradientCheckpointing(boolean g) {
            target().setGradientCheckpointing(g);
            return this;
        }

        public Builder setLoraRank(int loraRank) {
            target().setLoraRank(loraRank);
            return this;
        }

        public Builder setLoraTargets(List<String> loraTargets) {
            target().setLoraTargets(loraTargets);
            return this;
        }

        public Builder setZeroStage(Integer zeroStage) {
            target().setZeroStage(zeroStage);
            return this;
        }

        public Builder setCpuOffload(boolean cpuOffload) {
            target().setCpuOffload(cpuOffload);
            return this;
        }

        public Builder setMfu(Double mfu) {
            target().setMfu(mfu);
            return this;
        }

        public Builder setCheckpointIntervalHours(double h) {
            target().setCheckpointIntervalHours(h);
            return this;
        }

        public Builder setTrainableFraction(Double f) {
            target().setTrainableFraction(f);
            return this;
        }

        public Builder setVirtualTokens(int virtualTokens) {
            target().setVirtualTokens(virtualTokens);
            return this;
        }

    }
}

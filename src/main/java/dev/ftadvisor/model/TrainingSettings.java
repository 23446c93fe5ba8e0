package dev.ftadvisor.model;

import java.util.List;

/**
 * How training is run: the contract's {@code training} overrides, with defaults filled in.
 * {@code zeroStage} null means "chosen per candidate" (none on one GPU, ZeRO-3 across several).
 */
public class TrainingSettings {
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
    public void setPrecision(String precision) { this.precision = precision; }
    public String getOptimizer() { return optimizer; }
    public void setOptimizer(String optimizer) { this.optimizer = optimizer; }
    public int getMicroBatchSize() { return microBatchSize; }
    public void setMicroBatchSize(int microBatchSize) { this.microBatchSize = microBatchSize; }
    public boolean isGradientCheckpointing() { return gradientCheckpointing; }
    public void setGradientCheckpointing(boolean g) { this.gradientCheckpointing = g; }
    public int getLoraRank() { return loraRank; }
    public void setLoraRank(int loraRank) { this.loraRank = loraRank; }
    public List<String> getLoraTargets() { return loraTargets; }
    public void setLoraTargets(List<String> loraTargets) { this.loraTargets = List.copyOf(loraTargets); }
    public Integer getZeroStage() { return zeroStage; }
    public void setZeroStage(Integer zeroStage) { this.zeroStage = zeroStage; }
    public boolean isCpuOffload() { return cpuOffload; }
    public void setCpuOffload(boolean cpuOffload) { this.cpuOffload = cpuOffload; }
    public Double getMfu() { return mfu; }
    public void setMfu(Double mfu) { this.mfu = mfu; }
    public double getCheckpointIntervalHours() { return checkpointIntervalHours; }
    public void setCheckpointIntervalHours(double h) { this.checkpointIntervalHours = h; }
    public Double getTrainableFraction() { return trainableFraction; }
    public void setTrainableFraction(Double f) { this.trainableFraction = f; }
    public int getVirtualTokens() { return virtualTokens; }
    public void setVirtualTokens(int virtualTokens) { this.virtualTokens = virtualTokens; }

    public TrainingSettings copy() {
        TrainingSettings t = new TrainingSettings();
        t.precision = precision; t.optimizer = optimizer; t.microBatchSize = microBatchSize;
        t.gradientCheckpointing = gradientCheckpointing; t.loraRank = loraRank; t.loraTargets = loraTargets;
        t.zeroStage = zeroStage; t.cpuOffload = cpuOffload; t.mfu = mfu;
        t.checkpointIntervalHours = checkpointIntervalHours; t.trainableFraction = trainableFraction;
        t.virtualTokens = virtualTokens;
        return t;
    }
}

package dev.ftadvisor.model;

import java.util.List;

/**
 * A fine-tuning proposal after parsing and resolution: the model is looked up, defaults are applied
 * and recorded as assumptions. This is the fact the rules read about what the team asked for.
 */
public class Proposal {
    public static final String OBJECTIVE_COST = "cost";
    public static final String OBJECTIVE_TIME = "time";
    private String id;
    private String modelId;
    private String modelName;
    private boolean knownModel;
    private double parametersBillions;
    private int modelMaxContext;
    private String method;
    private int quantizationBits;
    private boolean datasetGiven;
    private long datasetTokens;
    private int sequenceLength;
    private double epochs;
    private Double budgetUsd;
    private Double deadlineHours;
    private String region;
    private List<String> providers = List.of();
    private boolean spotAllowed = true;
    /** The proposal set spotAllowed to true itself: only then may a spot plan be recommended. */
    private boolean spotRequested;
    /** The proposal set multiNodeSpot to true: only then may a multi-node spot plan be recommended. */
    private boolean multiNodeSpot;
    private boolean multiNodeAllowed = true;
    /** What the ranking optimises: "cost" (default) or "time". */
    private String objective = OBJECTIVE_COST;
    private TrainingSettings training = new TrainingSettings();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getModelId() { return modelId; }
    public void setModelId(String modelId) { this.modelId = modelId; }
    public String getModelName() { return modelName; }
    public void setModelName(String modelName) { this.modelName = modelName; }
    public boolean isKnownModel() { return knownModel; }
    public void setKnownModel(boolean knownModel) { this.knownModel = knownModel; }
    public double getParametersBillions() { return parametersBillions; }
    public void setParametersBillions(double p) { this.parametersBillions = p; }
    public int getModelMaxContext() { return modelMaxContext; }
    public void setModelMaxContext(int modelMaxContext) { this.modelMaxContext = modelMaxContext; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public int getQuantizationBits() { return quantizationBits; }
    public void setQuantizationBits(int quantizationBits) { this.quantizationBits = quantizationBits; }
    public boolean isDatasetGiven() { return datasetGiven; }
    public void setDatasetGiven(boolean datasetGiven) { this.datasetGiven = datasetGiven; }
    public long getDatasetTokens() { return datasetTokens; }
    public void setDatasetTokens(long datasetTokens) { this.datasetTokens = datasetTokens; }
    public int getSequenceLength() { return sequenceLength; }
    public void setSequenceLength(int sequenceLength) { this.sequenceLength = sequenceLength; }
    public double getEpochs() { return epochs; }
    public void setEpochs(double epochs) { this.epochs = epochs; }
    public Double getBudgetUsd() { return budgetUsd; }
    public void setBudgetUsd(Double budgetUsd) { this.budgetUsd = budgetUsd; }
    public boolean isBudgetGiven() { return budgetUsd != null; }
    public Double getDeadlineHours() { return deadlineHours; }
    public void setDeadlineHours(Double deadlineHours) { this.deadlineHours = deadlineHours; }
    public boolean isDeadlineGiven() { return deadlineHours != null; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public List<String> getProviders() { return providers; }
    public void setProviders(List<String> providers) { this.providers = providers == null ? List.of() : List.copyOf(providers); }
    public boolean isProvidersRestricted() { return !providers.isEmpty(); }
    public boolean isSpotAllowed() { return spotAllowed; }
    public void setSpotAllowed(boolean spotAllowed) { this.spotAllowed = spotAllowed; }
    public boolean isSpotRequested() { return spotRequested; }
    public void setSpotRequested(boolean spotRequested) { this.spotRequested = spotRequested; }
    public boolean isMultiNodeSpot() { return multiNodeSpot; }
    public void setMultiNodeSpot(boolean multiNodeSpot) { this.multiNodeSpot = multiNodeSpot; }
    public String getObjective() { return objective; }
    public void setObjective(String objective) { this.objective = objective; }
    public boolean isMultiNodeAllowed() { return multiNodeAllowed; }
    public void setMultiNodeAllowed(boolean multiNodeAllowed) { this.multiNodeAllowed = multiNodeAllowed; }
    public TrainingSettings getTraining() { return training; }
    public void setTraining(TrainingSettings training) { this.training = training; }

    /** Tokens processed by training: dataset tokens times epochs. */
    public double getTrainingTokens() { return datasetTokens * epochs; }

    /** A copy for a variant ("what if") evaluation; the training settings are copied too. */
    public Proposal copy() {
        Proposal p = new Proposal();
        p.id = id; p.modelId = modelId; p.modelName = modelName; p.knownModel = knownModel;
        p.parametersBillions = parametersBillions; p.modelMaxContext = modelMaxContext;
        p.method = method; p.quantizationBits = quantizationBits; p.datasetGiven = datasetGiven;
        p.datasetTokens = datasetTokens; p.sequenceLength = sequenceLength; p.epochs = epochs;
        p.budgetUsd = budgetUsd; p.deadlineHours = deadlineHours; p.region = region;
        p.providers = providers; p.spotAllowed = spotAllowed; p.spotRequested = spotRequested; p.multiNodeSpot = multiNodeSpot;
        p.multiNodeAllowed = multiNodeAllowed; p.objective = objective;
        p.training = training.copy();
        return p;
    }
}

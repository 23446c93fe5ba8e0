package dev.ftadvisor.model;

import java.util.List;

/**
 * A fine-tuning proposal after parsing and resolution: the model is looked up, defaults are applied
 * and recorded as assumptions. This is the fact the rules read about what the team asked for.
 */
public final class Proposal {
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
    private TrainingSettings training = TrainingSettings.builder().build();

    public String getId() { return id; }
    private void setId(String id) { this.id = id; }
    public String getModelId() { return modelId; }
    private void setModelId(String modelId) { this.modelId = modelId; }
    public String getModelName() { return modelName; }
    private void setModelName(String modelName) { this.modelName = modelName; }
    public boolean isKnownModel() { return knownModel; }
    private void setKnownModel(boolean knownModel) { this.knownModel = knownModel; }
    public double getParametersBillions() { return parametersBillions; }
    private void setParametersBillions(double p) { this.parametersBillions = p; }
    public int getModelMaxContext() { return modelMaxContext; }
    private void setModelMaxContext(int modelMaxContext) { this.modelMaxContext = modelMaxContext; }
    public String getMethod() { return method; }
    private void setMethod(String method) { this.method = method; }
    public int getQuantizationBits() { return quantizationBits; }
    private void setQuantizationBits(int quantizationBits) { this.quantizationBits = quantizationBits; }
    public boolean isDatasetGiven() { return datasetGiven; }
    private void setDatasetGiven(boolean datasetGiven) { this.datasetGiven = datasetGiven; }
    public long getDatasetTokens() { return datasetTokens; }
    private void setDatasetTokens(long datasetTokens) { this.datasetTokens = datasetTokens; }
    public int getSequenceLength() { return sequenceLength; }
    private void setSequenceLength(int sequenceLength) { this.sequenceLength = sequenceLength; }
    public double getEpochs() { return epochs; }
    private void setEpochs(double epochs) { this.epochs = epochs; }
    public Double getBudgetUsd() { return budgetUsd; }
    private void setBudgetUsd(Double budgetUsd) { this.budgetUsd = budgetUsd; }
    public boolean isBudgetGiven() { return budgetUsd != null; }
    public Double getDeadlineHours() { return deadlineHours; }
    private void setDeadlineHours(Double deadlineHours) { this.deadlineHours = deadlineHours; }
    public boolean isDeadlineGiven() { return deadlineHours != null; }
    public String getRegion() { return region; }
    private void setRegion(String region) { this.region = region; }
    public List<String> getProviders() { return providers; }
    private void setProviders(List<String> providers) { this.providers = providers == null ? List.of() : List.copyOf(providers); }
    public boolean isProvidersRestricted() { return !providers.isEmpty(); }
    public boolean isSpotAllowed() { return spotAllowed; }
    private void setSpotAllowed(boolean spotAllowed) { this.spotAllowed = spotAllowed; }
    public boolean isSpotRequested() { return spotRequested; }
    private void setSpotRequested(boolean spotRequested) { this.spotRequested = spotRequested; }
    public boolean isMultiNodeSpot() { return multiNodeSpot; }
    private void setMultiNodeSpot(boolean multiNodeSpot) { this.multiNodeSpot = multiNodeSpot; }
    public String getObjective() { return objective; }
    private void setObjective(String objective) { this.objective = objective; }
    public boolean isMultiNodeAllowed() { return multiNodeAllowed; }
    private void setMultiNodeAllowed(boolean multiNodeAllowed) { this.multiNodeAllowed = multiNodeAllowed; }
    public TrainingSettings getTraining() { return training; }
    private void setTraining(TrainingSettings training) { this.training = training; }

    /** Tokens processed by training: dataset tokens times epochs. */
    public double getTrainingTokens() { return datasetTokens * epochs; }

    /** A copy for a variant ("what if") evaluation; the training settings are copied too. */
    private Proposal() {
    }

    /** A builder for a new one. */
    public static Builder builder() {
        return new Builder(new Proposal());
    }

    /** A builder that starts from this one's values (a variant of it); this one is unchanged. */
    public Builder toBuilder() {
        return new Builder(copy());
    }

    private Proposal copy() {
        Proposal p = new Proposal();
        p.id = id; p.modelId = modelId; p.modelName = modelName; p.knownModel = knownModel;
        p.parametersBillions = parametersBillions; p.modelMaxContext = modelMaxContext;
        p.method = method; p.quantizationBits = quantizationBits; p.datasetGiven = datasetGiven;
        p.datasetTokens = datasetTokens; p.sequenceLength = sequenceLength; p.epochs = epochs;
        p.budgetUsd = budgetUsd; p.deadlineHours = deadlineHours; p.region = region;
        p.providers = providers; p.spotAllowed = spotAllowed; p.spotRequested = spotRequested; p.multiNodeSpot = multiNodeSpot;
        p.multiNodeAllowed = multiNodeAllowed; p.objective = objective;
        p.training = training.toBuilder().build();
        return p;
    }

    /**
     * Builds a proposal (the resolver does, from what was written; the change explorer varies one). The only way to make one: what the rules see cannot be changed after
     * it is built (the rules' compiled code may not call a setter either, see RuleBytecodeCheck).
     */
    public static final class Builder extends FactBuilder<Proposal> {
        private Builder(Proposal target) {
            super(target);
        }

        /** The training settings so far (a variant reads them to change one). */
        public TrainingSettings getTraining() {
            return target().getTraining();
        }

        public Builder setId(String id) {
            target().setId(id);
            return this;
        }

        public Builder setModelId(String modelId) {
            target().setModelId(modelId);
            return this;
        }

        public Builder setModelName(String modelName) {
            target().setModelName(modelName);
            return this;
        }

        public Builder setKnownModel(boolean knownModel) {
            target().setKnownModel(knownModel);
            return this;
        }

        public Builder setParametersBillions(double p) {
            target().setParametersBillions(p);
            return this;
        }

        public Builder setModelMaxContext(int modelMaxContext) {
            target().setModelMaxContext(modelMaxContext);
            return this;
        }

        public Builder setMethod(String method) {
            target().setMethod(method);
            return this;
        }

        public Builder setQuantizationBits(int quantizationBits) {
            target().setQuantizationBits(quantizationBits);
            return this;
        }

        public Builder setDatasetGiven(boolean datasetGiven) {
            target().setDatasetGiven(datasetGiven);
            return this;
        }

        public Builder setDatasetTokens(long datasetTokens) {
            target().setDatasetTokens(datasetTokens);
            return this;
        }

        public Builder setSequenceLength(int sequenceLength) {
            target().setSequenceLength(sequenceLength);
            return this;
        }

        public Builder setEpochs(double epochs) {
            target().setEpochs(epochs);
            return this;
        }

        public Builder setBudgetUsd(Double budgetUsd) {
            target().setBudgetUsd(budgetUsd);
            return this;
        }

        public Builder setDeadlineHours(Double deadlineHours) {
            target().setDeadlineHours(deadlineHours);
            return this;
        }

        public Builder setRegion(String region) {
            target().setRegion(region);
            return this;
        }

        public Builder setProviders(List<String> providers) {
            target().setProviders(providers);
            return this;
        }

        public Builder setSpotAllowed(boolean spotAllowed) {
            target().setSpotAllowed(spotAllowed);
            return this;
        }

        public Builder setSpotRequested(boolean spotRequested) {
            target().setSpotRequested(spotRequested);
            return this;
        }

        public Builder setMultiNodeSpot(boolean multiNodeSpot) {
            target().setMultiNodeSpot(multiNodeSpot);
            return this;
        }

        public Builder setObjective(String objective) {
            target().setObjective(objective);
            return this;
        }

        public Builder setMultiNodeAllowed(boolean multiNodeAllowed) {
            target().setMultiNodeAllowed(multiNodeAllowed);
            return this;
        }

        public Builder setTraining(TrainingSettings training) {
            target().setTraining(training);
            return this;
        }

    }
}

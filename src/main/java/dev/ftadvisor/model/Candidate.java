package dev.ftadvisor.model;

/**
 * One way to run the proposal: a {@link Configuration} (instance type x nodes) under one pricing model
 * (on-demand, spot, reserved), with what that pricing adds: price per hour, rework after spot
 * interruptions, hours, billed hours and cost. The candidates no rule rejected (nor their configuration)
 * become the report's plans. The configuration's values read through (getGpu(), getMemoryPerGpuGb(), ...),
 * so a rule about a candidate can name any of them; the bundled rules judge hardware on the
 * Configuration, which is judged once for all its pricing models.
 */
public final class Candidate implements Judged {
    private final Configuration configuration;
    private String key;
    /** The key made from the configuration's key and the pricing, and the configuration key it was made from. */
    private String derivedKey;
    private String derivedFrom;
    private String pricing;
    private double usdPerHour;
    private String priceBasis;
    private double reworkHours;
    private double hours;
    private double billedHours;
    private double costUsd;
    private double storageCostUsd;
    private String priceAsOf;
    private String priceSource;

    private Candidate(Configuration configuration) {
        this.configuration = configuration;
    }

    /** A candidate of this configuration, to be priced through the builder. */
    public static Builder builder(Configuration configuration) {
        return new Builder(new Candidate(java.util.Objects.requireNonNull(configuration)));
    }

    public Configuration getConfiguration() { return configuration; }
    /** The key of the configuration: findings about the hardware name it. */
    public String getConfigurationKey() { return configuration.getKey(); }

    /** The configuration's key and the pricing model (".../x1/spot"); made on first read unless set. */
    @Override public String getKey() {
        if (key != null) return key;
        String configurationKey = configuration.getKey();
        // made again when the configuration's key or the pricing changed since
        if (derivedKey == null || derivedFrom != configurationKey) {
            derivedKey = configurationKey + "/" + pricing;
            derivedFrom = configurationKey;
        }
        return derivedKey;
    }
    private void setKey(String key) { this.key = key; }
    public String getPricing() { return pricing; }
    private void setPricing(String pricing) { this.pricing = pricing; derivedKey = null; }
    public double getUsdPerHour() { return usdPerHour; }
    private void setUsdPerHour(double usdPerHour) { this.usdPerHour = usdPerHour; }
    public String getPriceBasis() { return priceBasis; }
    private void setPriceBasis(String priceBasis) { this.priceBasis = priceBasis; }
    public double getReworkHours() { return reworkHours; }
    private void setReworkHours(double reworkHours) { this.reworkHours = reworkHours; }
    public double getHours() { return hours; }
    private void setHours(double hours) { this.hours = hours; }
    public double getBilledHours() { return billedHours; }
    private void setBilledHours(double billedHours) { this.billedHours = billedHours; }
    public double getCostUsd() { return costUsd; }
    private void setCostUsd(double costUsd) { this.costUsd = costUsd; }
    public double getStorageCostUsd() { return storageCostUsd; }
    private void setStorageCostUsd(double storageCostUsd) { this.storageCostUsd = storageCostUsd; }
    public String getPriceAsOf() { return priceAsOf; }
    private void setPriceAsOf(String priceAsOf) { this.priceAsOf = priceAsOf; }
    public String getPriceSource() { return priceSource; }
    private void setPriceSource(String priceSource) { this.priceSource = priceSource; }

    // the configuration's values, read through
    public int getTotalGpus() { return configuration.getTotalGpus(); }
    public double getTotalGpuMemoryGb() { return configuration.getTotalGpuMemoryGb(); }
    public boolean isMultiGpu() { return configuration.isMultiGpu(); }
    public boolean isMultiNode() { return configuration.isMultiNode(); }
    public double getMemoryHeadroomGb() { return configuration.getMemoryHeadroomGb(); }
    public String getProvider() { return configuration.getProvider(); }
    public String getInstanceType() { return configuration.getInstanceType(); }
    public String getRegion() { return configuration.getRegion(); }
    public String getRegionGroup() { return configuration.getRegionGroup(); }
    public String getGpu() { return configuration.getGpu(); }
    public String getGpuName() { return configuration.getGpuName(); }
    public String getGpuClass() { return configuration.getGpuClass(); }
    public String getGpuArchitecture() { return configuration.getGpuArchitecture(); }
    public boolean isBf16Supported() { return configuration.isBf16Supported(); }
    public boolean isFlashAttention2() { return configuration.isFlashAttention2(); }
    public int getGpuCount() { return configuration.getGpuCount(); }
    public int getNodes() { return configuration.getNodes(); }
    public double getGpuMemoryGb() { return configuration.getGpuMemoryGb(); }
    public double getMemoryPerGpuGb() { return configuration.getMemoryPerGpuGb(); }
    public MemoryBreakdown getMemoryPerGpu() { return configuration.getMemoryPerGpu(); }
    public String getSharding() { return configuration.getSharding(); }
    public int getZeroStage() { return configuration.getZeroStage(); }
    public boolean isCpuOffload() { return configuration.isCpuOffload(); }
    public double getRamGb() { return configuration.getRamGb(); }
    public double getHostRamNeededGb() { return configuration.getHostRamNeededGb(); }
    public int getVcpus() { return configuration.getVcpus(); }
    public String getCpu() { return configuration.getCpu(); }
    public double getLocalNvmeGb() { return configuration.getLocalNvmeGb(); }
    public double getNetworkGbps() { return configuration.getNetworkGbps(); }
    public String getGpuInterconnect() { return configuration.getGpuInterconnect(); }
    public String getRdmaFabric() { return configuration.getRdmaFabric(); }
    public double getRdmaGbps() { return configuration.getRdmaGbps(); }
    public double getComputeHours() { return configuration.getComputeHours(); }
    public double getStorageGb() { return configuration.getStorageGb(); }
    public String getStorageVolume() { return configuration.getStorageVolume(); }
    public double getVolumeMaxIops() { return configuration.getVolumeMaxIops(); }
    public double getScalingEfficiency() { return configuration.getScalingEfficiency(); }
    public double getMfu() { return configuration.getMfu(); }
    public double getOnDemandUsdPerHour() { return configuration.getOnDemandUsdPerHour(); }
    public double getCheckpointWriteHours() { return configuration.getCheckpointWriteHours(); }
    public double getCheckpointGb() { return configuration.getCheckpointGb(); }
    public String getSpotMarketName() { return configuration.getSpotMarketName(); }
    public int getEvictionNoticeSeconds() { return configuration.getEvictionNoticeSeconds(); }
    public boolean isMultiNodeSpotOffered() { return configuration.isMultiNodeSpotOffered(); }

    /** This pricing's price per node-hour over the on-demand one (1 for on-demand; spot's discount shows here). */
    public double getPriceToOnDemand() {
        double od = configuration.getOnDemandUsdPerHour();
        return od > 0 ? usdPerHour / od : 1;
    }
    /** Whether the price is an estimate (spot with no published price) rather than a published figure. */
    public boolean isPriceEstimated() { return priceBasis != null && priceBasis.startsWith("estimated"); }
    public boolean isSpot() { return "spot".equals(pricing); }

    /**
     * Builds a candidate of a configuration (the estimator does, once per pricing model). The only way to make one: what the rules see cannot be changed after
     * it is built (the rules' compiled code may not call a setter either, see RuleBytecodeCheck).
     */
    public static final class Builder extends FactBuilder<Candidate> {
        private Builder(Candidate target) {
            super(target);
        }

        public Builder setKey(String key) {
            target().setKey(key);
            return this;
        }

        public Builder setPricing(String pricing) {
            target().setPricing(pricing);
            return this;
        }

        public Builder setUsdPerHour(double usdPerHour) {
            target().setUsdPerHour(usdPerHour);
            return this;
        }

        public Builder setPriceBasis(String priceBasis) {
            target().setPriceBasis(priceBasis);
            return this;
        }

        public Builder setReworkHours(double reworkHours) {
            target().setReworkHours(reworkHours);
            return this;
        }

        public Builder setHours(double hours) {
            target().setHours(hours);
            return this;
        }

        public Builder setBilledHours(double billedHours) {
            target().setBilledHours(billedHours);
            return this;
        }

        public Builder setCostUsd(double costUsd) {
            target().setCostUsd(costUsd);
            return this;
        }

        public Builder setStorageCostUsd(double storageCostUsd) {
            target().setStorageCostUsd(storageCostUsd);
            return this;
        }

        public Builder setPriceAsOf(String priceAsOf) {
            target().setPriceAsOf(priceAsOf);
            return this;
        }

        public Builder setPriceSource(String priceSource) {
            target().setPriceSource(priceSource);
            return this;
        }

    }
}

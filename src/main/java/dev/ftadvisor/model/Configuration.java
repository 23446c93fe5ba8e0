package dev.ftadvisor.model;

/**
 * The hardware a plan runs on: an instance type at a number of nodes, with the numbers the estimator
 * computed for it that do not depend on how it is paid for (memory needed per GPU under its sharding,
 * host RAM, compute hours, storage). Rules about the hardware (fits in memory, interconnect, GPU class,
 * CPU and RAM, region) judge each configuration once; its pricing models are {@link Candidate}s, judged by
 * the pricing, budget and deadline rules. A rejected configuration takes all its candidates with it.
 */
public final class Configuration implements Judged {
    private String key;
    /** The key made from provider, instance type, region and nodes (cleared when one of them is set). */
    private String derivedKey;
    private String provider;
    private String instanceType;
    private String region;
    private String regionGroup;
    private String gpu;
    private String gpuName;
    private String gpuClass;
    private String gpuArchitecture;
    private boolean bf16Supported;
    private boolean flashAttention2;
    private int gpuCount;
    private int nodes;
    private double gpuMemoryGb;
    private double memoryPerGpuGb;
    private MemoryBreakdown memoryPerGpu;
    private String sharding;
    private int zeroStage;
    private boolean cpuOffload;
    private double ramGb;
    private double hostRamNeededGb;
    private int vcpus;
    private String cpu;
    private double localNvmeGb;
    private double networkGbps;
    private String gpuInterconnect;
    private String rdmaFabric;
    private double rdmaGbps;
    private double computeHours;
    private double storageGb;
    private String storageVolume;
    private double volumeMaxIops;
    private double scalingEfficiency;
    private double mfu;
    private double onDemandUsdPerHour;
    private double checkpointWriteHours;
    private String fastestVolume;
    private double fastestVolumeMaxIops;
    private String fastestVolumeDescription;
    private double checkpointGb;
    private String spotMarketName;
    private int evictionNoticeSeconds;
    private boolean multiNodeSpotOffered;

    private Configuration() {
    }

    public static Builder builder() {
        return new Builder(new Configuration());
    }

    public int getTotalGpus() { return gpuCount * nodes; }
    public double getTotalGpuMemoryGb() { return gpuCount * gpuMemoryGb; }
    public boolean isMultiGpu() { return getTotalGpus() > 1; }
    public boolean isMultiNode() { return nodes > 1; }
    public double getMemoryHeadroomGb() { return gpuMemoryGb - memoryPerGpuGb; }

    /**
     * provider/instanceType/region/xN: the configuration's findings name it by this key. Made on first
     * read unless set (most configurations of a batch record are never named).
     */
    @Override public String getKey() {
        if (key != null) return key;
        if (derivedKey == null) derivedKey = provider + "/" + instanceType + "/" + region + "/x" + nodes;
        return derivedKey;
    }
    private void setKey(String key) { this.key = key; }
    public String getProvider() { return provider; }
    private void setProvider(String provider) { this.provider = provider; derivedKey = null; }
    public String getInstanceType() { return instanceType; }
    private void setInstanceType(String instanceType) { this.instanceType = instanceType; derivedKey = null; }
    public String getRegion() { return region; }
    private void setRegion(String region) { this.region = region; derivedKey = null; }
    public String getRegionGroup() { return regionGroup; }
    private void setRegionGroup(String regionGroup) { this.regionGroup = regionGroup; }
    public String getGpu() { return gpu; }
    private void setGpu(String gpu) { this.gpu = gpu; }
    public String getGpuName() { return gpuName; }
    private void setGpuName(String gpuName) { this.gpuName = gpuName; }
    public String getGpuClass() { return gpuClass; }
    private void setGpuClass(String gpuClass) { this.gpuClass = gpuClass; }
    public String getGpuArchitecture() { return gpuArchitecture; }
    private void setGpuArchitecture(String gpuArchitecture) { this.gpuArchitecture = gpuArchitecture; }
    public boolean isBf16Supported() { return bf16Supported; }
    private void setBf16Supported(boolean bf16Supported) { this.bf16Supported = bf16Supported; }
    public boolean isFlashAttention2() { return flashAttention2; }
    private void setFlashAttention2(boolean flashAttention2) { this.flashAttention2 = flashAttention2; }
    public int getGpuCount() { return gpuCount; }
    private void setGpuCount(int gpuCount) { this.gpuCount = gpuCount; }
    public int getNodes() { return nodes; }
    private void setNodes(int nodes) { this.nodes = nodes; derivedKey = null; }
    public double getGpuMemoryGb() { return gpuMemoryGb; }
    private void setGpuMemoryGb(double gpuMemoryGb) { this.gpuMemoryGb = gpuMemoryGb; }
    public double getMemoryPerGpuGb() { return memoryPerGpuGb; }
    private void setMemoryPerGpuGb(double memoryPerGpuGb) { this.memoryPerGpuGb = memoryPerGpuGb; }
    public MemoryBreakdown getMemoryPerGpu() { return memoryPerGpu; }
    private void setMemoryPerGpu(MemoryBreakdown memoryPerGpu) { this.memoryPerGpu = memoryPerGpu; }
    public String getSharding() { return sharding; }
    private void setSharding(String sharding) { this.sharding = sharding; }
    public int getZeroStage() { return zeroStage; }
    private void setZeroStage(int zeroStage) { this.zeroStage = zeroStage; }
    public boolean isCpuOffload() { return cpuOffload; }
    private void setCpuOffload(boolean cpuOffload) { this.cpuOffload = cpuOffload; }
    public double getRamGb() { return ramGb; }
    private void setRamGb(double ramGb) { this.ramGb = ramGb; }
    public double getHostRamNeededGb() { return hostRamNeededGb; }
    private void setHostRamNeededGb(double hostRamNeededGb) { this.hostRamNeededGb = hostRamNeededGb; }
    public int getVcpus() { return vcpus; }
    private void setVcpus(int vcpus) { this.vcpus = vcpus; }
    public String getCpu() { return cpu; }
    private void setCpu(String cpu) { this.cpu = cpu; }
    public double getLocalNvmeGb() { return localNvmeGb; }
    private void setLocalNvmeGb(double localNvmeGb) { this.localNvmeGb = localNvmeGb; }
    public double getNetworkGbps() { return networkGbps; }
    private void setNetworkGbps(double networkGbps) { this.networkGbps = networkGbps; }
    public String getGpuInterconnect() { return gpuInterconnect; }
    private void setGpuInterconnect(String gpuInterconnect) { this.gpuInterconnect = gpuInterconnect; }
    public String getRdmaFabric() { return rdmaFabric; }
    private void setRdmaFabric(String rdmaFabric) { this.rdmaFabric = rdmaFabric; }
    public double getRdmaGbps() { return rdmaGbps; }
    private void setRdmaGbps(double rdmaGbps) { this.rdmaGbps = rdmaGbps; }
    /** Hours of compute and setup, before any pricing model's rework. */
    public double getComputeHours() { return computeHours; }
    private void setComputeHours(double computeHours) { this.computeHours = computeHours; }
    public double getStorageGb() { return storageGb; }
    private void setStorageGb(double storageGb) { this.storageGb = storageGb; }
    public String getStorageVolume() { return storageVolume; }
    private void setStorageVolume(String storageVolume) { this.storageVolume = storageVolume; }
    public double getVolumeMaxIops() { return volumeMaxIops; }
    private void setVolumeMaxIops(double volumeMaxIops) { this.volumeMaxIops = volumeMaxIops; }
    public double getScalingEfficiency() { return scalingEfficiency; }
    private void setScalingEfficiency(double scalingEfficiency) { this.scalingEfficiency = scalingEfficiency; }
    public double getMfu() { return mfu; }
    private void setMfu(double mfu) { this.mfu = mfu; }
    /** The published on-demand price of one node of this instance type, per hour. */
    public double getOnDemandUsdPerHour() { return onDemandUsdPerHour; }
    private void setOnDemandUsdPerHour(double onDemandUsdPerHour) { this.onDemandUsdPerHour = onDemandUsdPerHour; }
    /** The provider's block volume with the highest published IOPS ceiling (null: none catalogued). */
    public String getFastestVolume() { return fastestVolume; }
    private void setFastestVolume(String fastestVolume) { this.fastestVolume = fastestVolume; }
    public double getFastestVolumeMaxIops() { return fastestVolumeMaxIops; }
    /** "EBS io2, up to 256,000 IOPS", or "no volume with a published IOPS ceiling" (for messages). */
    public String getFastestVolumeDescription() { return fastestVolumeDescription; }
    private void setFastestVolumeDescription(String d) { this.fastestVolumeDescription = d; }
    private void setFastestVolumeMaxIops(double fastestVolumeMaxIops) { this.fastestVolumeMaxIops = fastestVolumeMaxIops; }
    /** Hours spent writing resumable checkpoints (included in the compute hours). */
    public double getCheckpointWriteHours() { return checkpointWriteHours; }
    private void setCheckpointWriteHours(double checkpointWriteHours) { this.checkpointWriteHours = checkpointWriteHours; }
    /** Size of one resumable checkpoint, GB. */
    public double getCheckpointGb() { return checkpointGb; }
    private void setCheckpointGb(double checkpointGb) { this.checkpointGb = checkpointGb; }
    /** The provider's name for its spot market (null: the provider has none). */
    public String getSpotMarketName() { return spotMarketName; }
    private void setSpotMarketName(String spotMarketName) { this.spotMarketName = spotMarketName; }
    public int getEvictionNoticeSeconds() { return evictionNoticeSeconds; }
    private void setEvictionNoticeSeconds(int evictionNoticeSeconds) { this.evictionNoticeSeconds = evictionNoticeSeconds; }
    /** Whether the provider sells several spot nodes for one multi-node job. */
    public boolean isMultiNodeSpotOffered() { return multiNodeSpotOffered; }
    private void setMultiNodeSpotOffered(boolean multiNodeSpotOffered) { this.multiNodeSpotOffered = multiNodeSpotOffered; }

    /**
     * Builds a configuration (the estimator does, once per instance type, region and node count). The only way to make one: what the rules see cannot be changed after
     * it is built (the rules' compiled code may not call a setter either, see RuleBytecodeCheck).
     */
    public static final class Builder extends FactBuilder<Configuration> {
        private Builder(Configuration target) {
            super(target);
        }

        public Builder setKey(String key) {
            target().setKey(key);
            return this;
        }

        public Builder setProvider(String provider) {
            target().setProvider(provider);
            return this;
        }

        public Builder setInstanceType(String instanceType) {
            target().setInstanceType(instanceType);
            return this;
        }

        public Builder setRegion(String region) {
            target().setRegion(region);
            return this;
        }

        public Builder setRegionGroup(String regionGroup) {
            target().setRegionGroup(regionGroup);
            return this;
        }

        public Builder setGpu(String gpu) {
            target().setGpu(gpu);
            return this;
        }

        public Builder setGpuName(String gpuName) {
            target().setGpuName(gpuName);
            return this;
        }

        public Builder setGpuClass(String gpuClass) {
            target().setGpuClass(gpuClass);
            return this;
        }

        public Builder setGpuArchitecture(String gpuArchitecture) {
            target().setGpuArchitecture(gpuArchitecture);
            return this;
        }

        public Builder setBf16Supported(boolean bf16Supported) {
            target().setBf16Supported(bf16Supported);
            return this;
        }

        public Builder setFlashAttention2(boolean flashAttention2) {
            target().setFlashAttention2(flashAttention2);
            return this;
        }

        public Builder setGpuCount(int gpuCount) {
            target().setGpuCount(gpuCount);
            return this;
        }

        public Builder setNodes(int nodes) {
            target().setNodes(nodes);
            return this;
        }

        public Builder setGpuMemoryGb(double gpuMemoryGb) {
            target().setGpuMemoryGb(gpuMemoryGb);
            return this;
        }

        public Builder setMemoryPerGpuGb(double memoryPerGpuGb) {
            target().setMemoryPerGpuGb(memoryPerGpuGb);
            return this;
        }

        public Builder setMemoryPerGpu(MemoryBreakdown memoryPerGpu) {
            target().setMemoryPerGpu(memoryPerGpu);
            return this;
        }

        public Builder setSharding(String sharding) {
            target().setSharding(sharding);
            return this;
        }

        public Builder setZeroStage(int zeroStage) {
            target().setZeroStage(zeroStage);
            return this;
        }

        public Builder setCpuOffload(boolean cpuOffload) {
            target().setCpuOffload(cpuOffload);
            return this;
        }

        public Builder setRamGb(double ramGb) {
            target().setRamGb(ramGb);
            return this;
        }

        public Builder setHostRamNeededGb(double hostRamNeededGb) {
            target().setHostRamNeededGb(hostRamNeededGb);
            return this;
        }

        public Builder setVcpus(int vcpus) {
            target().setVcpus(vcpus);
            return this;
        }

        public Builder setCpu(String cpu) {
            target().setCpu(cpu);
            return this;
        }

        public Builder setLocalNvmeGb(double localNvmeGb) {
            target().setLocalNvmeGb(localNvmeGb);
            return this;
        }

        public Builder setNetworkGbps(double networkGbps) {
            target().setNetworkGbps(networkGbps);
            return this;
        }

        public Builder setGpuInterconnect(String gpuInterconnect) {
            target().setGpuInterconnect(gpuInterconnect);
            return this;
        }

        public Builder setRdmaFabric(String rdmaFabric) {
            target().setRdmaFabric(rdmaFabric);
            return this;
        }

        public Builder setRdmaGbps(double rdmaGbps) {
            target().setRdmaGbps(rdmaGbps);
            return this;
        }

        public Builder setComputeHours(double computeHours) {
            target().setComputeHours(computeHours);
            return this;
        }

        public Builder setStorageGb(double storageGb) {
            target().setStorageGb(storageGb);
            return this;
        }

        public Builder setStorageVolume(String storageVolume) {
            target().setStorageVolume(storageVolume);
            return this;
        }

        public Builder setVolumeMaxIops(double volumeMaxIops) {
            target().setVolumeMaxIops(volumeMaxIops);
            return this;
        }

        public Builder setScalingEfficiency(double scalingEfficiency) {
            target().setScalingEfficiency(scalingEfficiency);
            return this;
        }

        public Builder setMfu(double mfu) {
            target().setMfu(mfu);
            return this;
        }

        public Builder setOnDemandUsdPerHour(double onDemandUsdPerHour) {
            target().setOnDemandUsdPerHour(onDemandUsdPerHour);
            return this;
        }

        public Builder setFastestVolume(String fastestVolume) {
            target().setFastestVolume(fastestVolume);
            return this;
        }

        public Builder setFastestVolumeDescription(String d) {
            target().setFastestVolumeDescription(d);
            return this;
        }

        public Builder setFastestVolumeMaxIops(double fastestVolumeMaxIops) {
            target().setFastestVolumeMaxIops(fastestVolumeMaxIops);
            return this;
        }

        public Builder setCheckpointWriteHours(double checkpointWriteHours) {
            target().setCheckpointWriteHours(checkpointWriteHours);
            return this;
        }

        public Builder setCheckpointGb(double checkpointGb) {
            target().setCheckpointGb(checkpointGb);
            return this;
        }

        public Builder setSpotMarketName(String spotMarketName) {
            target().setSpotMarketName(spotMarketName);
            return this;
        }

        public Builder setEvictionNoticeSeconds(int evictionNoticeSeconds) {
            target().setEvictionNoticeSeconds(evictionNoticeSeconds);
            return this;
        }

        public Builder setMultiNodeSpotOffered(boolean multiNodeSpotOffered) {
            target().setMultiNodeSpotOffered(multiNodeSpotOffered);
            return this;
        }

    }
}

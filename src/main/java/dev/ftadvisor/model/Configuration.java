package dev.ftadvisor.model;

/**
 * The hardware a plan runs on: an instance type at a number of nodes, with the numbers the estimator
 * computed for it that do not depend on how it is paid for (memory needed per GPU under its sharding,
 * host RAM, compute hours, storage). Rules about the hardware (fits in memory, interconnect, GPU class,
 * CPU and RAM, region) judge each configuration once; its pricing models are {@link Candidate}s, judged by
 * the pricing, budget and deadline rules. A rejected configuration takes all its candidates with it.
 */
public class Configuration implements Judged {
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
    public void setKey(String key) { this.key = key; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; derivedKey = null; }
    public String getInstanceType() { return instanceType; }
    public void setInstanceType(String instanceType) { this.instanceType = instanceType; derivedKey = null; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; derivedKey = null; }
    public String getRegionGroup() { return regionGroup; }
    public void setRegionGroup(String regionGroup) { this.regionGroup = regionGroup; }
    public String getGpu() { return gpu; }
    public void setGpu(String gpu) { this.gpu = gpu; }
    public String getGpuName() { return gpuName; }
    public void setGpuName(String gpuName) { this.gpuName = gpuName; }
    public String getGpuClass() { return gpuClass; }
    public void setGpuClass(String gpuClass) { this.gpuClass = gpuClass; }
    public String getGpuArchitecture() { return gpuArchitecture; }
    public void setGpuArchitecture(String gpuArchitecture) { this.gpuArchitecture = gpuArchitecture; }
    public boolean isBf16Supported() { return bf16Supported; }
    public void setBf16Supported(boolean bf16Supported) { this.bf16Supported = bf16Supported; }
    public boolean isFlashAttention2() { return flashAttention2; }
    public void setFlashAttention2(boolean flashAttention2) { this.flashAttention2 = flashAttention2; }
    public int getGpuCount() { return gpuCount; }
    public void setGpuCount(int gpuCount) { this.gpuCount = gpuCount; }
    public int getNodes() { return nodes; }
    public void setNodes(int nodes) { this.nodes = nodes; derivedKey = null; }
    public double getGpuMemoryGb() { return gpuMemoryGb; }
    public void setGpuMemoryGb(double gpuMemoryGb) { this.gpuMemoryGb = gpuMemoryGb; }
    public double getMemoryPerGpuGb() { return memoryPerGpuGb; }
    public void setMemoryPerGpuGb(double memoryPerGpuGb) { this.memoryPerGpuGb = memoryPerGpuGb; }
    public MemoryBreakdown getMemoryPerGpu() { return memoryPerGpu; }
    public void setMemoryPerGpu(MemoryBreakdown memoryPerGpu) { this.memoryPerGpu = memoryPerGpu; }
    public String getSharding() { return sharding; }
    public void setSharding(String sharding) { this.sharding = sharding; }
    public int getZeroStage() { return zeroStage; }
    public void setZeroStage(int zeroStage) { this.zeroStage = zeroStage; }
    public boolean isCpuOffload() { return cpuOffload; }
    public void setCpuOffload(boolean cpuOffload) { this.cpuOffload = cpuOffload; }
    public double getRamGb() { return ramGb; }
    public void setRamGb(double ramGb) { this.ramGb = ramGb; }
    public double getHostRamNeededGb() { return hostRamNeededGb; }
    public void setHostRamNeededGb(double hostRamNeededGb) { this.hostRamNeededGb = hostRamNeededGb; }
    public int getVcpus() { return vcpus; }
    public void setVcpus(int vcpus) { this.vcpus = vcpus; }
    public String getCpu() { return cpu; }
    public void setCpu(String cpu) { this.cpu = cpu; }
    public double getLocalNvmeGb() { return localNvmeGb; }
    public void setLocalNvmeGb(double localNvmeGb) { this.localNvmeGb = localNvmeGb; }
    public double getNetworkGbps() { return networkGbps; }
    public void setNetworkGbps(double networkGbps) { this.networkGbps = networkGbps; }
    public String getGpuInterconnect() { return gpuInterconnect; }
    public void setGpuInterconnect(String gpuInterconnect) { this.gpuInterconnect = gpuInterconnect; }
    public String getRdmaFabric() { return rdmaFabric; }
    public void setRdmaFabric(String rdmaFabric) { this.rdmaFabric = rdmaFabric; }
    public double getRdmaGbps() { return rdmaGbps; }
    public void setRdmaGbps(double rdmaGbps) { this.rdmaGbps = rdmaGbps; }
    /** Hours of compute and setup, before any pricing model's rework. */
    public double getComputeHours() { return computeHours; }
    public void setComputeHours(double computeHours) { this.computeHours = computeHours; }
    public double getStorageGb() { return storageGb; }
    public void setStorageGb(double storageGb) { this.storageGb = storageGb; }
    public String getStorageVolume() { return storageVolume; }
    public void setStorageVolume(String storageVolume) { this.storageVolume = storageVolume; }
    public double getVolumeMaxIops() { return volumeMaxIops; }
    public void setVolumeMaxIops(double volumeMaxIops) { this.volumeMaxIops = volumeMaxIops; }
    public double getScalingEfficiency() { return scalingEfficiency; }
    public void setScalingEfficiency(double scalingEfficiency) { this.scalingEfficiency = scalingEfficiency; }
    public double getMfu() { return mfu; }
    public void setMfu(double mfu) { this.mfu = mfu; }
    /** The published on-demand price of one node of this instance type, per hour. */
    public double getOnDemandUsdPerHour() { return onDemandUsdPerHour; }
    public void setOnDemandUsdPerHour(double onDemandUsdPerHour) { this.onDemandUsdPerHour = onDemandUsdPerHour; }
    /** The provider's block volume with the highest published IOPS ceiling (null: none catalogued). */
    public String getFastestVolume() { return fastestVolume; }
    public void setFastestVolume(String fastestVolume) { this.fastestVolume = fastestVolume; }
    public double getFastestVolumeMaxIops() { return fastestVolumeMaxIops; }
    /** "EBS io2, up to 256,000 IOPS", or "no volume with a published IOPS ceiling" (for messages). */
    public String getFastestVolumeDescription() { return fastestVolumeDescription; }
    public void setFastestVolumeDescription(String d) { this.fastestVolumeDescription = d; }
    public void setFastestVolumeMaxIops(double fastestVolumeMaxIops) { this.fastestVolumeMaxIops = fastestVolumeMaxIops; }
    /** Hours spent writing resumable checkpoints (included in the compute hours). */
    public double getCheckpointWriteHours() { return checkpointWriteHours; }
    public void setCheckpointWriteHours(double checkpointWriteHours) { this.checkpointWriteHours = checkpointWriteHours; }
    /** Size of one resumable checkpoint, GB. */
    public double getCheckpointGb() { return checkpointGb; }
    public void setCheckpointGb(double checkpointGb) { this.checkpointGb = checkpointGb; }
    /** The provider's name for its spot market (null: the provider has none). */
    public String getSpotMarketName() { return spotMarketName; }
    public void setSpotMarketName(String spotMarketName) { this.spotMarketName = spotMarketName; }
    public int getEvictionNoticeSeconds() { return evictionNoticeSeconds; }
    public void setEvictionNoticeSeconds(int evictionNoticeSeconds) { this.evictionNoticeSeconds = evictionNoticeSeconds; }
    /** Whether the provider sells several spot nodes for one multi-node job. */
    public boolean isMultiNodeSpotOffered() { return multiNodeSpotOffered; }
    public void setMultiNodeSpotOffered(boolean multiNodeSpotOffered) { this.multiNodeSpotOffered = multiNodeSpotOffered; }
}

package dev.ftadvisor.model;

/**
 * One way to run the proposal: an instance type, a number of nodes and a pricing model, with the
 * numbers the estimator computed for it (memory needed per GPU under its sharding, hours, cost).
 * Rules judge candidates; the ones no rule rejects become the report's plans.
 */
public class Candidate {
    private String key;
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
    private String pricing;
    private double usdPerHour;
    private String priceBasis;
    private double computeHours;
    private double reworkHours;
    private double hours;
    private double billedHours;
    private double costUsd;
    private double storageGb;
    private String storageVolume;
    private double storageCostUsd;
    private double volumeMaxIops;
    private double scalingEfficiency;
    private double mfu;
    private String priceAsOf;
    private String priceSource;

    public int getTotalGpus() { return gpuCount * nodes; }
    public double getTotalGpuMemoryGb() { return gpuCount * gpuMemoryGb; }
    public boolean isMultiGpu() { return getTotalGpus() > 1; }
    public boolean isMultiNode() { return nodes > 1; }
    public double getMemoryHeadroomGb() { return gpuMemoryGb - memoryPerGpuGb; }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getInstanceType() { return instanceType; }
    public void setInstanceType(String instanceType) { this.instanceType = instanceType; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getRegionGroup() { return regionGroup; }
    public void setRegionGroup(String regionGroup) { this.regionGroup = regionGroup; }
    public String getGpu() { return gpu; }
    public void setGpu(String gpu) { this.gpu = gpu; }
    public String getGpuName() { return gpuName; }
    public void setGpuName(String gpuName) { this.gpuName = gpuName; }
    public String getGpuClass() { return gpuClass; }
    public void setGpuClass(String gpuClass) { this.gpuClass = gpuClass; }
    public String getGpuArchitecture() { return gpuArchitecture; }
    public void setGpuArchitecture(String a) { this.gpuArchitecture = a; }
    public boolean isBf16Supported() { return bf16Supported; }
    public void setBf16Supported(boolean bf16Supported) { this.bf16Supported = bf16Supported; }
    public boolean isFlashAttention2() { return flashAttention2; }
    public void setFlashAttention2(boolean flashAttention2) { this.flashAttention2 = flashAttention2; }
    public int getGpuCount() { return gpuCount; }
    public void setGpuCount(int gpuCount) { this.gpuCount = gpuCount; }
    public int getNodes() { return nodes; }
    public void setNodes(int nodes) { this.nodes = nodes; }
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
    public String getPricing() { return pricing; }
    public void setPricing(String pricing) { this.pricing = pricing; }
    public double getUsdPerHour() { return usdPerHour; }
    public void setUsdPerHour(double usdPerHour) { this.usdPerHour = usdPerHour; }
    public String getPriceBasis() { return priceBasis; }
    public void setPriceBasis(String priceBasis) { this.priceBasis = priceBasis; }
    public double getComputeHours() { return computeHours; }
    public void setComputeHours(double computeHours) { this.computeHours = computeHours; }
    public double getReworkHours() { return reworkHours; }
    public void setReworkHours(double reworkHours) { this.reworkHours = reworkHours; }
    public double getHours() { return hours; }
    public void setHours(double hours) { this.hours = hours; }
    public double getBilledHours() { return billedHours; }
    public void setBilledHours(double billedHours) { this.billedHours = billedHours; }
    public double getCostUsd() { return costUsd; }
    public void setCostUsd(double costUsd) { this.costUsd = costUsd; }
    public double getStorageGb() { return storageGb; }
    public void setStorageGb(double storageGb) { this.storageGb = storageGb; }
    public String getStorageVolume() { return storageVolume; }
    public void setStorageVolume(String storageVolume) { this.storageVolume = storageVolume; }
    public double getStorageCostUsd() { return storageCostUsd; }
    public void setStorageCostUsd(double storageCostUsd) { this.storageCostUsd = storageCostUsd; }
    public double getVolumeMaxIops() { return volumeMaxIops; }
    public void setVolumeMaxIops(double volumeMaxIops) { this.volumeMaxIops = volumeMaxIops; }
    public double getScalingEfficiency() { return scalingEfficiency; }
    public void setScalingEfficiency(double scalingEfficiency) { this.scalingEfficiency = scalingEfficiency; }
    public double getMfu() { return mfu; }
    public void setMfu(double mfu) { this.mfu = mfu; }
    public String getPriceAsOf() { return priceAsOf; }
    public void setPriceAsOf(String priceAsOf) { this.priceAsOf = priceAsOf; }
    public String getPriceSource() { return priceSource; }
    public void setPriceSource(String priceSource) { this.priceSource = priceSource; }
}

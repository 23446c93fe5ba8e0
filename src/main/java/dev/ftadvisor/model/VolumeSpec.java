package dev.ftadvisor.model;

/** A storage volume or object store a run can use (facts/storage.json). */
public class VolumeSpec {
    public String provider;
    public String name;
    public String kind;
    public String media;
    public Double maxIops;
    public Double maxThroughputMBs;
    public double usdPerGbMonth;
    public Double usdPerProvisionedIopsMonth;
    public String region;
    public String asOf;
    public String source;
    public String quote;
    public String notes;

    public String getProvider() { return provider; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public String getMedia() { return media; }
    public Double getMaxIops() { return maxIops; }
    public Double getMaxThroughputMBs() { return maxThroughputMBs; }
    public double getUsdPerGbMonth() { return usdPerGbMonth; }
}

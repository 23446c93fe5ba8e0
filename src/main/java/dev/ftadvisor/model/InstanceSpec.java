package dev.ftadvisor.model;

import java.util.List;

/** One rentable cloud instance type with its published prices (facts/instances.json). */
public class InstanceSpec {
    public String provider;
    public String instanceType;
    public String gpu;
    public int gpuCount;
    public int vcpus;
    public String cpu;
    public double ramGb;
    public Double localNvmeGb;
    public Double networkGbps;
    public String gpuInterconnect;
    public String rdmaFabric;
    public Double rdmaGbps;
    public List<String> regions = List.of();
    public String regionGroup;
    public double onDemandUsdHour;
    public Double spotUsdHour;
    public Double reservedUsdHour;
    public Integer reservedTermMonths;
    public String asOf;
    public String source;
    public String quote;
    public String notes;

    public String primaryRegion() {
        return regions.isEmpty() ? "" : regions.get(0);
    }
}

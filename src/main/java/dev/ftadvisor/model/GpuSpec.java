package dev.ftadvisor.model;

import java.util.List;

/** One GPU model's published specification (facts/gpus.json). */
public class GpuSpec {
    public String id;
    public String name;
    public List<String> aliases = List.of();
    public String architecture;
    @com.fasterxml.jackson.annotation.JsonProperty("class")
    public String gpuClass;
    public double memoryGb;
    public Double memoryBandwidthGBs;
    public boolean bf16;
    public boolean fp8;
    public boolean flashAttention2;
    public Double bf16DenseTflops;
    public Double fp16DenseTflops;
    public Double nvlinkGBs;
    public Double tdpW;
    public String source;
    public String quote;
    public String notes;

    public String getId() { return id; }
    public String getArchitecture() { return architecture; }
    public String getGpuClass() { return gpuClass; }
    public double getMemoryGb() { return memoryGb; }
    public boolean isBf16() { return bf16; }
    public boolean isFlashAttention2() { return flashAttention2; }

    /** Dense tensor throughput at the precision training will use (bf16 where supported, else fp16). */
    public double trainingTflops() {
        if (bf16 && bf16DenseTflops != null) return bf16DenseTflops;
        if (fp16DenseTflops != null) return fp16DenseTflops;
        return bf16DenseTflops == null ? 0 : bf16DenseTflops;
    }
}

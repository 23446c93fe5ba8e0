package dev.ftadvisor.estimate;

import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.GpuSpec;
import dev.ftadvisor.model.InstanceSpec;
import dev.ftadvisor.model.MemoryBreakdown;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.VolumeSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a resolved proposal into the numbers the rules judge: the single-GPU estimate, one
 * configuration per instance type x node count (memory per GPU, host RAM, compute hours, storage) and
 * one candidate per configuration x pricing model (price, rework, hours, cost). Candidates of one
 * configuration share it, in catalog order.
 */
public final class Estimator {
    /** Multi-node configurations are built from full 8-GPU nodes, at these node counts. */
    static final int[] MULTI_NODE_COUNTS = {2, 4};
    /** Node counts per instance: one node, and the multi-node counts for 8-GPU nodes. */
    private static final int[] SINGLE_NODE = {1};
    private static final int[] ANY_NODES = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(1),
            java.util.Arrays.stream(MULTI_NODE_COUNTS)).toArray();

    private final Catalog catalog;
    /** Per-instance lookups that do not depend on the proposal, done once (batches call candidates() per record). */
    private final List<InstanceFacts> instances;

    private record InstanceFacts(InstanceSpec inst, GpuSpec gpu, VolumeSpec volume, String region) {
    }

    public Estimator(Catalog catalog) {
        this.catalog = catalog;
        List<InstanceFacts> facts = new ArrayList<>();
        for (InstanceSpec inst : catalog.instances()) {
            facts.add(new InstanceFacts(inst, catalog.gpu(inst.gpu).orElseThrow(),
                    StorageEstimator.defaultVolume(catalog.volumes(), inst.provider).orElse(null), inst.primaryRegion()));
        }
        this.instances = List.copyOf(facts);
    }

    /** The need on one GPU without sharding, with FlashAttention assumed (Ampere or newer). */
    public Estimate estimate(ResolvedProposal r) {
        Proposal p = r.proposal();
        ModelSpec m = r.model();
        int zero = p.getTraining().getZeroStage() != null ? p.getTraining().getZeroStage() : 0;
        MemoryBreakdown mem = MemoryEstimator.perGpu(m, p,
                new MemoryEstimator.Sharding(1, zero, p.getTraining().isCpuOffload(), true));
        return new Estimate(mem, ParameterCounts.trainable(m, p), p.getTrainingTokens(),
                ComputeEstimator.trainingFlops(m, p), p.getTraining().getPrecision(),
                p.getTraining().getMicroBatchSize(), p.getTraining().isGradientCheckpointing(), true,
                MemoryEstimator.offloadHostRamGb(m, p, zero), p.getSequenceLength(), p.getModelMaxContext(),
                () -> EstimateAssumptions.of(m, p));
    }

    public List<Candidate> candidates(ResolvedProposal r) {
        Proposal p = r.proposal();
        ModelSpec m = r.model();
        double flops = ComputeEstimator.trainingFlops(m, p);
        double storageGb = StorageEstimator.volumeGb(m, p);
        List<Candidate> out = new ArrayList<>(instances.size() * 4);
        for (InstanceFacts facts : instances) {
            InstanceSpec inst = facts.inst();
            GpuSpec gpu = facts.gpu();
            VolumeSpec volume = facts.volume();
            String region = facts.region();
            for (int nodes : inst.gpuCount >= 8 ? ANY_NODES : SINGLE_NODE) {
                int gpus = inst.gpuCount * nodes;
                int zero = p.getTraining().getZeroStage() != null ? p.getTraining().getZeroStage() : (gpus > 1 ? 3 : 0);
                boolean offload = p.getTraining().isCpuOffload();
                boolean flash = gpu.flashAttention2;
                MemoryBreakdown mem = MemoryEstimator.perGpu(m, p, new MemoryEstimator.Sharding(gpus, zero, offload, flash));
                double mfu = ComputeEstimator.mfu(gpu, p);
                double rdmaGbps = inst.rdmaGbps == null ? 0 : inst.rdmaGbps;
                double scaling = ComputeEstimator.scalingEfficiency(inst.gpuCount, nodes, inst.gpuInterconnect,
                        inst.rdmaFabric, rdmaGbps, zero, offload);
                double hours = ComputeEstimator.hours(flops, gpus, gpu, mfu, scaling);
                double hostRam = MemoryEstimator.offloadHostRamGb(m, p, zero) / nodes;
                List<CostEstimator.Priced> prices = new ArrayList<>(3);
                prices.add(CostEstimator.onDemand(inst, nodes, hours));
                prices.add(CostEstimator.spot(inst, nodes, hours, p.getTraining().getCheckpointIntervalHours()));
                CostEstimator.Priced reserved = CostEstimator.reserved(inst, nodes, hours);
                if (reserved != null) prices.add(reserved);
                Configuration conf = new Configuration();
                // its key (provider/instanceType/region/xN) is made when first read
                conf.setProvider(inst.provider);
                conf.setInstanceType(inst.instanceType);
                conf.setRegion(region);
                conf.setRegionGroup(inst.regionGroup);
                conf.setGpu(gpu.id);
                conf.setGpuName(gpu.name);
                conf.setGpuClass(gpu.gpuClass);
                conf.setGpuArchitecture(gpu.architecture);
                conf.setBf16Supported(gpu.bf16);
                conf.setFlashAttention2(gpu.flashAttention2);
                conf.setGpuCount(inst.gpuCount);
                conf.setNodes(nodes);
                conf.setGpuMemoryGb(gpu.memoryGb);
                conf.setMemoryPerGpu(mem);
                conf.setMemoryPerGpuGb(round1(mem.getTotal()));
                conf.setSharding(gpus == 1 ? "single-gpu" : zero == 0 ? "data-parallel" : "zero-" + zero);
                conf.setZeroStage(zero);
                conf.setCpuOffload(offload);
                conf.setRamGb(inst.ramGb);
                conf.setHostRamNeededGb(round1(hostRam));
                conf.setVcpus(inst.vcpus);
                conf.setCpu(inst.cpu);
                conf.setLocalNvmeGb(inst.localNvmeGb == null ? 0 : inst.localNvmeGb);
                conf.setNetworkGbps(inst.networkGbps == null ? 0 : inst.networkGbps);
                conf.setGpuInterconnect(inst.gpuInterconnect);
                conf.setRdmaFabric(inst.rdmaFabric);
                conf.setRdmaGbps(rdmaGbps);
                conf.setComputeHours(round2(hours));
                conf.setStorageGb(Math.ceil(storageGb));
                conf.setStorageVolume(volume == null ? null : volume.name);
                conf.setVolumeMaxIops(volume == null || volume.maxIops == null ? 0 : volume.maxIops);
                conf.setScalingEfficiency(scaling);
                conf.setMfu(mfu);
                conf.setOnDemandUsdPerHour(inst.onDemandUsdHour);
                for (CostEstimator.Priced price : prices) {
                    Candidate c = new Candidate(conf);
                    c.setPricing(price.pricing());
                    c.setUsdPerHour(price.usdPerHour());
                    c.setPriceBasis(price.basis());
                    c.setReworkHours(round2(price.reworkHours()));
                    c.setHours(round2(price.hours()));
                    c.setBilledHours(round2(price.billedHours()));
                    double storageCost = StorageEstimator.cost(storageGb, volume, price.hours()) * nodes;
                    c.setStorageCostUsd(round2(storageCost));
                    c.setCostUsd(round2(price.costUsd() + storageCost));
                    c.setPriceAsOf(inst.asOf);
                    c.setPriceSource(inst.source);
                    out.add(c);
                }
            }
        }
        return out;
    }

    static double round1(double v) { return Math.round(v * 10.0) / 10.0; }
    static double round2(double v) { return Math.round(v * 100.0) / 100.0; }
}

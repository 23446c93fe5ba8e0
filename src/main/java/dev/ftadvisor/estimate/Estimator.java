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
import dev.ftadvisor.model.ProviderSpec;
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
    /**
     * Multi-node configurations are built from full 8-GPU nodes, at these node counts, when they have
     * a reason to exist, as a practitioner plans them: one node cannot hold the run (the least memory
     * layout on one node exceeds the card), or time matters (the objective is time, or a deadline is
     * given). Otherwise more nodes only add cost (scaling under 100%), and the configurations would only
     * be judged to sort last. Whether a plan fits, meets the deadline or is worth it stays the rules'.
     */
    static final int[] MULTI_NODE_COUNTS = {2, 4};
    /** Node counts per instance: one node, and the multi-node counts for 8-GPU nodes. */
    private static final int[] SINGLE_NODE = {1};
    private static final int[] ANY_NODES = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(1),
            java.util.Arrays.stream(MULTI_NODE_COUNTS)).toArray();
    /** GPUs per node from which multi-node configurations are built. */
    static final int MULTI_NODE_MIN_GPUS = 8;

    private final Catalog catalog;
    /** Per-instance lookups that do not depend on the proposal, done once (batches call candidates() per record). */
    private final List<InstanceFacts> instances;
    /**
     * For a proposal that names no region (any region will do): each instance type once, in the catalog
     * region where its on-demand price is lowest. The same hardware elsewhere is the same plan at a higher
     * price, which no ranking would put first.
     */
    private final List<InstanceFacts> cheapestRegionPerType;

    private record InstanceFacts(InstanceSpec inst, GpuSpec gpu, VolumeSpec volume, String region, ProviderSpec provider,
                                 VolumeSpec fastestVolume, String fastestVolumeDescription) {
    }

    /** ZeRO stages tried for a multi-GPU plan, least communication first (DDP, then ZeRO-2, then ZeRO-3). */
    static final int[] SHARDING_ORDER = {0, 2, 3};
    /**
     * A stage is chosen when it leaves this share of the card free (10%: the allocator peaks of the
     * optimizer step); when none does, the least sharded stage that fits at all, so memory.headroom
     * can say how tight it is.
     */
    static final double LAYOUT_FILL = 0.90;

    /** A plan's parallel layout: the ZeRO stage and the memory per GPU under it. */
    record Layout(int zeroStage, MemoryBreakdown memory) {
    }

    /**
     * The parallel layout a practitioner would launch on {@code gpus} cards of {@code cardGb}: no
     * sharding when one replica fits a card (data parallel), ZeRO-2 when sharding gradients and
     * optimizer states is enough, ZeRO-3 / FSDP FULL_SHARD only when the weights must be sharded too.
     * Each stage must leave {@link #LAYOUT_FILL} of the card free where one can; the proposal's own
     * zeroStage wins. When no stage fits, ZeRO-3 (the least memory) is reported,
     * and memory.fit rejects the plan with its numbers: the rules still judge what fits.
     */
    static Layout layout(ModelSpec m, Proposal p, int gpus, boolean offload, boolean flash, double cardGb) {
        Integer asked = p.getTraining().getZeroStage();
        if (asked != null || gpus == 1) {
            int zero = asked != null ? asked : 0;
            return new Layout(zero, MemoryEstimator.perGpu(m, p, new MemoryEstimator.Sharding(gpus, zero, offload, flash)));
        }
        Layout tight = null;
        Layout last = null;
        for (int zero : SHARDING_ORDER) {
            MemoryBreakdown mem = MemoryEstimator.perGpu(m, p, new MemoryEstimator.Sharding(gpus, zero, offload, flash));
            last = new Layout(zero, mem);
            if (mem.getTotal() <= cardGb * LAYOUT_FILL) return last;
            if (tight == null && mem.getTotal() <= cardGb) tight = last;
        }
        return tight != null ? tight : last;
    }

    public Estimator(Catalog catalog) {
        this.catalog = catalog;
        List<InstanceFacts> facts = new ArrayList<>();
        for (InstanceSpec inst : catalog.instances()) {
            facts.add(new InstanceFacts(inst, catalog.gpu(inst.gpu).orElseThrow(),
                    StorageEstimator.defaultVolume(catalog.volumes(), inst.provider).orElse(null), inst.primaryRegion(),
                    catalog.provider(inst.provider),
                    StorageEstimator.fastestVolume(catalog.volumes(), inst.provider).orElse(null),
                    StorageEstimator.fastestVolume(catalog.volumes(), inst.provider)
                            .map(v -> v.name + ", up to " + String.format(java.util.Locale.ROOT, "%,.0f", v.maxIops) + " IOPS")
                            .orElse("no volume with a published IOPS ceiling")));
        }
        this.instances = List.copyOf(facts);
        java.util.Map<String, InstanceFacts> cheapest = new java.util.LinkedHashMap<>();
        for (InstanceFacts f : facts) {
            cheapest.merge(f.inst().provider + "/" + f.inst().instanceType, f,
                    (a, b) -> b.inst().onDemandUsdHour < a.inst().onDemandUsdHour ? b : a);
        }
        this.cheapestRegionPerType = List.copyOf(cheapest.values());
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
        double checkpointGb = StorageEstimator.checkpointGb(m, p);
        double interval = p.getTraining().getCheckpointIntervalHours();
        boolean timeMatters = Proposal.OBJECTIVE_TIME.equals(p.getObjective()) || p.isDeadlineGiven();
        List<InstanceFacts> considered = p.getRegion() == null ? cheapestRegionPerType : instances;
        List<Candidate> out = new ArrayList<>(considered.size() * 4);
        for (InstanceFacts facts : considered) {
            InstanceSpec inst = facts.inst();
            GpuSpec gpu = facts.gpu();
            VolumeSpec volume = facts.volume();
            String region = facts.region();
            boolean offload = p.getTraining().isCpuOffload();
            boolean flash = gpu.flashAttention2;
            Layout oneNode = layout(m, p, inst.gpuCount, offload, flash, gpu.memoryGb);
            boolean moreNodes = inst.gpuCount >= MULTI_NODE_MIN_GPUS
                    && (timeMatters || oneNode.memory().getTotal() > gpu.memoryGb);
            for (int nodes : moreNodes ? ANY_NODES : SINGLE_NODE) {
                int gpus = inst.gpuCount * nodes;
                Layout layout = nodes == 1 ? oneNode : layout(m, p, gpus, offload, flash, gpu.memoryGb);
                int zero = layout.zeroStage();
                MemoryBreakdown mem = layout.memory();
                double mfu = ComputeEstimator.mfu(gpu, p);
                double rdmaGbps = inst.rdmaGbps == null ? 0 : inst.rdmaGbps;
                double scaling = ComputeEstimator.scalingEfficiency(inst.gpuCount, nodes, inst.gpuInterconnect,
                        inst.rdmaFabric, rdmaGbps, zero, offload);
                double trainHours = ComputeEstimator.hours(flops, gpus, gpu, mfu, scaling);
                double checkpointHours = ComputeEstimator.checkpointWriteHours(trainHours, interval, checkpointGb, nodes);
                double hours = trainHours + checkpointHours;
                double hostRam = MemoryEstimator.offloadHostRamGb(m, p, zero) / nodes;
                ProviderSpec provider = facts.provider();
                List<CostEstimator.Priced> prices = new ArrayList<>(3);
                prices.add(CostEstimator.onDemand(inst, nodes, hours));
                // spot only where the provider sells it (Lambda has no spot market: no price to invent)
                if (provider.spotMarket) prices.add(CostEstimator.spot(inst, nodes, hours, interval));
                CostEstimator.Priced reserved = CostEstimator.reserved(inst, nodes, hours);
                if (reserved != null) prices.add(reserved);
                Configuration.Builder conf = Configuration.builder();
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
                conf.setCheckpointWriteHours(round2(checkpointHours));
                conf.setCheckpointGb(round1(checkpointGb));
                conf.setSpotMarketName(provider.spotMarketName);
                conf.setEvictionNoticeSeconds(provider.evictionNoticeSeconds == null ? 0 : provider.evictionNoticeSeconds);
                conf.setMultiNodeSpotOffered(provider.multiNodeSpot);
                conf.setStorageGb(Math.ceil(storageGb));
                conf.setStorageVolume(volume == null ? null : volume.name);
                conf.setVolumeMaxIops(volume == null || volume.maxIops == null ? 0 : volume.maxIops);
                VolumeSpec fastest = facts.fastestVolume();
                conf.setFastestVolume(fastest == null ? null : fastest.name);
                conf.setFastestVolumeMaxIops(fastest == null ? 0 : fastest.maxIops);
                conf.setFastestVolumeDescription(facts.fastestVolumeDescription());
                conf.setScalingEfficiency(scaling);
                conf.setMfu(mfu);
                conf.setOnDemandUsdPerHour(inst.onDemandUsdHour);
                Configuration configuration = conf.build();
                for (CostEstimator.Priced price : prices) {
                    Candidate.Builder c = Candidate.builder(configuration);
                    c.setPricing(price.pricing());
                    c.setUsdPerHour(price.usdPerHour());
                    c.setPriceBasis(price.basis());
                    c.setReworkHours(round2(price.reworkHours()));
                    c.setHours(round2(price.hours()));
                    double billed = round2(price.billedHours());
                    c.setBilledHours(billed);
                    double storageCost = round2(StorageEstimator.cost(storageGb, volume, price.hours()) * nodes);
                    c.setStorageCostUsd(storageCost);
                    // from the figures the plan shows: price x billed hours x nodes + storage
                    c.setCostUsd(round2(price.usdPerHour() * billed * nodes + storageCost));
                    c.setPriceAsOf(inst.asOf);
                    c.setPriceSource(inst.source);
                    out.add(c.build());
                }
            }
        }
        return out;
    }

    static double round1(double v) { return Math.round(v * 10.0) / 10.0; }
    static double round2(double v) { return Math.round(v * 100.0) / 100.0; }
}

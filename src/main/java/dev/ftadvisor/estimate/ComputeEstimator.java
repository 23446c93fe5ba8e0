package dev.ftadvisor.estimate;

import dev.ftadvisor.model.GpuSpec;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;

/**
 * Training FLOPs and wall-clock hours. FLOPs follow Kaplan et al. 2020 / Chinchilla accounting
 * (2N per token forward, 4N backward) adapted per method; time divides by the GPUs' dense peak
 * times a model-FLOPs utilisation (MFU) and a scaling efficiency for the parallel setup.
 */
public final class ComputeEstimator {
    /**
     * MFU a well-configured fine-tuning run reaches on Ampere with bf16 and FlashAttention-2.
     * PaLM reports 46% at 540B scale (Chowdhery et al. 2022, table 3); MosaicML's llm-foundry
     * throughput tables list 40-55% for 7B-70B on A100; Hugging Face Trainer fine-tuning with short
     * sequences and small micro-batches lands lower, so 0.40.
     */
    static final double MFU_AMPERE = 0.40;
    /**
     * Hopper and Blackwell raise the dense peak (989 / 2250 TFLOPS) far more than memory bandwidth
     * (3.35 / 8 TB/s), so the memory-bound parts of a step (norms, activations, optimizer) weigh more:
     * llm-foundry's H100 tables sit ~10 points below A100 for the same models. 0.35 and 0.30.
     */
    static final double MFU_HOPPER = 0.35;
    static final double MFU_BLACKWELL = 0.30;
    /** Ada (L4, L40S, RTX 4090): high peak on narrow GDDR6 buses (300-960 GB/s): 0.35. */
    static final double MFU_ADA = 0.35;
    /** V100/T4/RTX 6000: fp16 only, no FlashAttention-2 (it needs sm80+), smaller tensor-core share: 0.30. */
    static final double MFU_NO_FLASH = 0.30;
    /**
     * QLoRA dequantizes every 4/8-bit weight on each forward and backward use; measured QLoRA
     * step times are ~30-40% slower than 16-bit LoRA (Dettmers et al. 2023; Unsloth and HF PEFT
     * benchmarks), so 0.65 of the 16-bit MFU.
     */
    static final double QLORA_FACTOR = 0.65;
    /** Data parallel inside one node: NVLink all-reduce hides behind compute (~95%); PCIe less (~85%). */
    static final double INTRA_NVLINK = 0.95;
    static final double INTRA_PCIE = 0.85;
    /** ZeRO-3 adds a parameter all-gather per layer, forward and backward: ~10% on fast links. */
    static final double ZERO3_FACTOR = 0.90;
    /**
     * Across nodes, per doubling of the node count: RDMA (EFA / InfiniBand) at >= 100 Gbps keeps ~90%
     * (NCCL ring all-reduce moves 2(n-1)/n of the gradients over the slowest link); plain TCP Ethernet
     * at 10-50 Gbps ~60%, as the all-reduce no longer hides behind compute.
     */
    static final double INTER_RDMA = 0.90;
    static final double INTER_TCP = 0.60;
    /** RDMA below this gives TCP-like scaling (guide's network.bandwidth: "e.g. 100 Gbps"). */
    static final double RDMA_MIN_GBPS = 100;
    /** ZeRO-Offload moves the optimizer step to the CPU: ~40% slower steps for large models. */
    static final double OFFLOAD_FACTOR = 0.60;

    /**
     * Time every run pays before the first step and after the last: provisioning the instance,
     * pulling the container, downloading and loading the base model, saving the final weights.
     * 15-30 minutes in practice for 7-70B models; 0.25 h.
     */
    public static final double SETUP_HOURS = 0.25;

    private ComputeEstimator() {
    }

    /** FLOPs for one token of training, counting recomputation under gradient checkpointing. */
    public static double flopsPerToken(ModelSpec m, Proposal p) {
        double n = activeParameters(m, p);
        double seq = p.getSequenceLength();
        double attention = 2.0 * m.layers * seq * m.attentionHeads * m.headDimension(); // causal QK^T + AV, forward
        double forward = 2 * n + attention;
        double backward;
        double recompute = p.getTraining().isGradientCheckpointing() ? forward : 0;
        switch (p.getMethod()) {
            case "full":
                // activation gradients (1x forward) plus weight gradients (1x forward)
                backward = 2 * forward;
                break;
            case "freeze":
                // backward stops at the first trained layer: only the trained fraction pays it (and its recompute)
                double f = MemoryEstimator.freezeFraction(m, p.getTraining());
                backward = 2 * forward * f;
                recompute *= f;
                break;
            default:
                // adapters: activation gradients flow through every frozen layer, weight gradients only
                // for the adapters (negligible), so backward costs about one forward
                backward = forward;
        }
        return forward + backward + recompute;
    }

    /** Parameters touched per token: for mixture-of-experts only the routed experts' MLPs. */
    static double activeParameters(ModelSpec m, Proposal p) {
        double total = ParameterCounts.total(p);
        if (m.experts <= 1) return total;
        double mlpPerExpert = 3.0 * m.hiddenSize * m.intermediateSize * m.layers;
        return total - mlpPerExpert * (m.experts - m.activeExperts);
    }

    public static double trainingFlops(ModelSpec m, Proposal p) {
        return flopsPerToken(m, p) * p.getTrainingTokens();
    }

    /** Default MFU for a GPU and method, unless the proposal overrides it. */
    public static double mfu(GpuSpec gpu, Proposal p) {
        if (p.getTraining().getMfu() != null) return p.getTraining().getMfu();
        double base = baseMfu(gpu);
        return "qlora".equals(p.getMethod()) ? base * QLORA_FACTOR : base;
    }

    /** The utilisation a 16-bit run reaches on this GPU's architecture, before method and parallel losses. */
    static double baseMfu(GpuSpec gpu) {
        if (!gpu.flashAttention2 || !gpu.bf16) return MFU_NO_FLASH;
        String arch = gpu.architecture == null ? "" : gpu.architecture;
        return switch (arch) {
            case "hopper" -> MFU_HOPPER;
            case "blackwell" -> MFU_BLACKWELL;
            case "ada" -> MFU_ADA;
            default -> MFU_AMPERE;
        };
    }

    /** Fraction of linear scaling kept by the parallel setup. */
    public static double scalingEfficiency(int gpusPerNode, int nodes, String interconnect, String rdmaFabric,
                                           double rdmaGbps, int zeroStage, boolean cpuOffload) {
        double e = 1;
        if (gpusPerNode * nodes > 1) {
            e *= "nvlink".equals(interconnect) ? INTRA_NVLINK : INTRA_PCIE;
            if (zeroStage >= 3) e *= ZERO3_FACTOR;
        }
        if (nodes > 1) {
            boolean rdma = !"none".equals(rdmaFabric) && rdmaGbps >= RDMA_MIN_GBPS;
            e *= Math.pow(rdma ? INTER_RDMA : INTER_TCP, Math.log(nodes) / Math.log(2));
        }
        if (cpuOffload) e *= OFFLOAD_FACTOR;
        return e;
    }

    /**
     * Write bandwidth of one node to its checkpoint volume: 1 GB/s, the ceiling of a gp3 / PD-balanced
     * class volume (AWS EBS gp3: up to 1,000 MiB/s per volume); sharded checkpoints are written by
     * every node in parallel.
     */
    static final double CHECKPOINT_WRITE_GB_PER_S = 1.0;

    /**
     * Hours the run stops to write resumable checkpoints: one every checkpoint interval, each
     * {@code checkpointGb} over the nodes' combined write bandwidth. Negligible for adapters (MBs);
     * for a 70B full fine-tune (about 1 TB per checkpoint) several minutes each.
     */
    public static double checkpointWriteHours(double trainHours, double intervalHours, double checkpointGb, int nodes) {
        if (intervalHours <= 0 || !Double.isFinite(trainHours)) return 0;
        double count = Math.floor(Math.max(0, trainHours - SETUP_HOURS) / intervalHours);
        return count * checkpointGb / (CHECKPOINT_WRITE_GB_PER_S * Math.max(1, nodes)) / 3600.0;
    }

    /** Hours of a run on {@code gpus} GPUs of this kind: training plus the fixed setup time. */
    public static double hours(double flops, int gpus, GpuSpec gpu, double mfu, double scaling) {
        double perSecond = gpus * gpu.trainingTflops() * 1e12 * mfu * scaling;
        return perSecond <= 0 ? Double.POSITIVE_INFINITY : flops / perSecond / 3600.0 + SETUP_HOURS;
    }
}

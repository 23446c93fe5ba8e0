package dev.ftadvisor.estimate;

import dev.ftadvisor.model.Estimate.Assumption;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.TrainingSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The constants and defaults behind an estimate, each with its value and source, so a report can
 * show its working. Values are read from the estimator classes themselves: this list cannot drift
 * from the arithmetic.
 */
public final class EstimateAssumptions {
    private EstimateAssumptions() {
    }

    public static List<Assumption> of(ModelSpec m, Proposal p) {
        TrainingSettings t = p.getTraining();
        List<Assumption> a = new ArrayList<>();
        boolean adapters = MemoryEstimator.isAdapterMethod(p.getMethod());
        boolean pureBf16 = "pure-bf16".equals(t.getPrecision());

        // memory
        if (adapters) {
            a.add(new Assumption("memory.adapterBytesPerParameter",
                    fmt(pureBf16 ? MemoryEstimator.B16 : MemoryEstimator.B32) + " weight + same gradient + "
                            + fmt(MemoryEstimator.optimizerStateBytes(t.getOptimizer(), pureBf16)) + " optimizer (" + t.getOptimizer() + ")",
                    "PEFT keeps adapters in fp32 under autocast (autocast_adapter_dtype); Adam keeps two moments (Kingma & Ba 2015), 1 byte each when 8-bit (Dettmers et al. 2022)"));
        } else {
            a.add(new Assumption("memory.bytesPerTrainedParameter",
                    "2 weight + " + fmt(MemoryEstimator.fullGradientBytes(t.getPrecision())) + " gradient + "
                            + fmt(MemoryEstimator.optimizerStateBytes(t.getOptimizer(), pureBf16) + MemoryEstimator.masterBytes(t.getPrecision()))
                            + " optimizer (" + t.getPrecision() + ", " + t.getOptimizer() + ")",
                    "the standard mixed-precision accounting, ZeRO paper (Rajbhandari et al. 2020) section 3.1: 16-bit weights and gradients, fp32 master + Adam moments (K=12), 16 bytes per parameter"));
        }
        if ("freeze".equals(p.getMethod())) {
            a.add(new Assumption("training.trainableFraction", fmt(MemoryEstimator.freezeFraction(m, t)),
                    t.getTrainableFraction() != null ? "proposal" : "last " + MemoryEstimator.FREEZE_DEFAULT_LAYERS
                            + " of " + m.layers + " layers: LLaMA-Factory's freeze_trainable_layers default"));
        }
        if ("qlora".equals(p.getMethod())) {
            a.add(new Assumption("memory.quantizationConstants", p.getQuantizationBits() == 4
                    ? fmt(MemoryEstimator.NF4_CONSTANT_BITS) + " bits per parameter (NF4, double quantization)"
                    : fmt(MemoryEstimator.INT8_CONSTANT_BYTES) + " bytes per parameter (LLM.int8 row absmax)",
                    p.getQuantizationBits() == 4 ? "Dettmers et al. 2023, QLoRA, section 2" : "Dettmers et al. 2022, LLM.int8()"));
            a.add(new Assumption("memory.unquantizedModules", "embedding and lm_head in 16 bits",
                    "transformers bitsandbytes integration keeps the output head unconverted (get_keys_to_not_convert); nn.Embedding is not a linear layer"));
        }
        a.add(new Assumption("memory.cudaContextGb", fmt(MemoryEstimator.CONTEXT_GB),
                "CUDA context with lazy loading (~0.3 GB, CUDA 11.7+) plus cuBLAS workspaces"));
        a.add(new Assumption("memory.fragmentation", pct(MemoryEstimator.FRAGMENTATION) + " of activations",
                "PyTorch caching allocator: reserved exceeds allocated for variably sized tensors (PyTorch docs, CUDA semantics)"));
        a.add(new Assumption("memory.logitBytes", fmt(MemoryEstimator.LOGIT_BYTES) + " bytes per token x vocabulary entry",
                "bf16 logits + fp32 copy for the loss + fp32 log-softmax saved for backward (transformers ForCausalLMLoss)"));
        a.add(new Assumption("memory.activationsPerLayerToken", fmt(Math.round(MemoryEstimator.layerBytesPerToken(m))) + " bytes",
                "Korthikanti et al. 2022 adapted to RMSNorm, GQA and SwiGLU, from " + m.id + "'s layer shapes"));
        a.add(new Assumption("memory.flashAttention", "on GPUs that support it (sm80+); eager s x s scores ("
                + fmt(MemoryEstimator.EAGER_SCORE_BYTES) + " bytes per element and head) on V100/T4/RTX 6000",
                "FlashAttention-2 requires Ampere or newer (Dao 2023, README); the single-GPU estimate assumes it"));
        if (t.isGradientCheckpointing()) {
            a.add(new Assumption("memory.gradientCheckpointing", "keeps each layer's input; rebuilds "
                    + fmt(MemoryEstimator.RECOMPUTE_LAYERS) + "x one layer's activations during backward",
                    "Chen et al. 2016, Training Deep Nets with Sublinear Memory Cost"));
        }
        a.add(new Assumption("sharding.zeroStage", t.getZeroStage() != null ? String.valueOf(t.getZeroStage())
                        : "per plan: data parallel (no sharding) when one replica fits the card, else ZeRO-2 when sharding gradients and optimizer states is enough, else ZeRO-3",
                t.getZeroStage() != null ? "proposal" : "ZeRO stages (Rajbhandari et al. 2020): 1-2 shard optimizer states and gradients at DDP's communication volume, 3 also shards weights at 1.5x; practitioners shard only as far as memory needs"));
        if (t.isCpuOffload()) {
            a.add(new Assumption("sharding.cpuOffload", "optimizer states, fp32 master and fp32 gradients in host RAM; with ZeRO-3 the 16-bit weights too",
                    "ZeRO-Offload (Ren et al. 2021); LLaMA-Factory ds_z3_offload_config.json offloads optimizer and parameters"));
        }

        // time
        a.add(new Assumption("time.mfu", t.getMfu() != null ? fmt(t.getMfu()) + " (all GPUs)"
                : String.format(Locale.ROOT, "ampere %s, hopper %s, ada %s, blackwell %s, no FlashAttention-2 %s",
                fmt(ComputeEstimator.MFU_AMPERE), fmt(ComputeEstimator.MFU_HOPPER), fmt(ComputeEstimator.MFU_ADA),
                fmt(ComputeEstimator.MFU_BLACKWELL), fmt(ComputeEstimator.MFU_NO_FLASH)),
                t.getMfu() != null ? "proposal" : "PaLM (Chowdhery et al. 2022) 46%; MosaicML llm-foundry throughput tables 40-55% on A100, lower on H100"));
        if ("qlora".equals(p.getMethod()) && t.getMfu() == null) {
            a.add(new Assumption("time.qloraDequantization", "x" + fmt(ComputeEstimator.QLORA_FACTOR) + " MFU",
                    "QLoRA steps measured 30-40% slower than 16-bit LoRA (Dettmers et al. 2023; HF PEFT and Unsloth benchmarks)"));
        }
        a.add(new Assumption("time.flopsPerToken", flopsRule(p.getMethod()) + (t.isGradientCheckpointing()
                        ? ("freeze".equals(p.getMethod()) ? " + 2N recompute x trained fraction" : " + 2N recompute") : "")
                        + " + causal attention 2 x layers x sequence x heads x headDim",
                "Kaplan et al. 2020: 2N forward, 4N backward per token; adapters skip weight gradients"));
        a.add(new Assumption("time.scaling", String.format(Locale.ROOT,
                "in node NVLink %s / PCIe %s; ZeRO-3 x%s; per node doubling RDMA>=%s Gbps %s / TCP %s; CPU offload x%s",
                fmt(ComputeEstimator.INTRA_NVLINK), fmt(ComputeEstimator.INTRA_PCIE), fmt(ComputeEstimator.ZERO3_FACTOR),
                fmt(ComputeEstimator.RDMA_MIN_GBPS), fmt(ComputeEstimator.INTER_RDMA), fmt(ComputeEstimator.INTER_TCP),
                fmt(ComputeEstimator.OFFLOAD_FACTOR)),
                "NCCL all-reduce hides behind compute on NVLink; data parallel and ZeRO-1/2 move the same volume (2x the gradients per step), ZeRO-3 1.5x as it all-gathers each layer's weights forward and backward (Rajbhandari et al. 2020, section 7); across nodes a ring all-reduce sends 2(n-1)/n of the gradients over the slowest link, the inter-node fabric (NCCL), so each doubling of the node count loses ~10% on RDMA and ~40% on plain TCP; ZeRO-Offload step on CPU (Ren et al. 2021)"));
        if (p.getRegion() == null) {
            a.add(new Assumption("plans.region", "no region asked: each instance type in its cheapest catalogued region (on-demand price)",
                    "any region will do; the same hardware in a dearer region is the same plan at a higher price"));
        }
        a.add(new Assumption("plans.multiNode", "2 and 4 nodes of 8-GPU instances, when one node cannot hold the run or time matters (objective time, or a deadline)",
                "more nodes than memory needs only add cost (scaling under 100% per node doubling); a practitioner adds them for memory or for a deadline"));
        a.add(new Assumption("time.checkpointWrites", "one resumable checkpoint (" + fmt(checkpointGbShown(StorageEstimator.checkpointGb(m, p)))
                        + " GB) every " + fmt(t.getCheckpointIntervalHours()) + " h, written at " + fmt(ComputeEstimator.CHECKPOINT_WRITE_GB_PER_S) + " GB/s per node, counted in the hours",
                "a full checkpoint holds 16-bit weights + fp32 master + Adam moments (14 bytes per parameter: ~1 TB for 70B); AWS EBS gp3 tops out at 1,000 MiB/s per volume"));
        a.add(new Assumption("time.setupHours", fmt(ComputeEstimator.SETUP_HOURS),
                "provisioning, container pull, model download and load, final save: 15-30 minutes for 7-70B models"));

        // cost
        a.add(new Assumption("cost.spotFallbackDiscount", pct(CostEstimator.FALLBACK_SPOT_DISCOUNT) + " off on-demand when no spot price is published",
                "guide cost.spot: spot saves 50-90%; the end that does not flatter the plan"));
        a.add(new Assumption("cost.spotInterruptionsPerNodeHour", fmt(CostEstimator.INTERRUPTIONS_PER_HOUR),
                "AWS Spot Instance Advisor puts GPU types in its >20%/month band; busy-region 8-GPU nodes are reclaimed more often"));
        a.add(new Assumption("cost.spotRework", "half a checkpoint interval (" + fmt(t.getCheckpointIntervalHours()) + " h) + "
                + fmt(CostEstimator.RESTART_HOURS) + " h restart per interruption",
                "expected loss of a uniformly timed interruption; restart = re-provision and reload the checkpoint"));
        a.add(new Assumption("cost.reservedTerm", "the instance's published term; 1 month (" + fmt(CostEstimator.HOURS_PER_MONTH) + " h) when none",
                "a reservation bills its whole commitment, however short the run"));
        a.add(new Assumption("storage.volume", String.format(Locale.ROOT, "%s GB environment + base weights + %d checkpoints + %s bytes per dataset token",
                fmt(StorageEstimator.BASE_GB), StorageEstimator.CHECKPOINTS_KEPT, fmt(StorageEstimator.BYTES_PER_TOKEN)),
                "container images with CUDA/PyTorch run 20-50 GB; a resumable full checkpoint holds weights plus fp32 optimizer states"));
        return a;
    }

    private static String flopsRule(String method) {
        return switch (method) {
            case "full" -> "6N";
            case "freeze" -> "2N + 4N x trained fraction";
            default -> "4N (forward + activation gradients)";
        };
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 9999.5) {
            // what %.4g prints in this range (fixed notation, 4 significant digits, the shortest decimal
            // of the double rounded half up), without Formatter and two regular expressions per number
            String plain = new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(4, java.math.RoundingMode.HALF_UP))
                    .toPlainString();
            if (plain.indexOf('.') < 0) return plain;
            int end = plain.length();
            while (plain.charAt(end - 1) == '0') end--;
            if (plain.charAt(end - 1) == '.') end--;
            return plain.substring(0, end);
        }
        return String.format(Locale.ROOT, "%.4g", v);  // scientific notation: 1.235e+04
    }

    private static String pct(double v) {
        return fmt(v * 100) + "%";
    }

    /** A checkpoint's size for the text: 0.1 GB steps, or 0.01 GB for adapters' few megabytes. */
    static double checkpointGbShown(double gb) {
        return gb >= 1 ? Math.round(gb * 10) / 10.0 : Math.round(gb * 100) / 100.0;
    }
}

package dev.ftadvisor.estimate;

import dev.ftadvisor.model.MemoryBreakdown;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.TrainingSettings;

/**
 * GPU memory of a fine-tuning run, per GPU, by component. Plain arithmetic; every constant says where
 * it comes from. Judging whether the result fits a GPU is the rules' job, not this class's.
 */
public final class MemoryEstimator {
    static final double GB = 1e9;
    /** bf16/fp16 bytes per value. */
    static final double B16 = 2;
    /** fp32 bytes per value. */
    static final double B32 = 4;
    /**
     * NF4 with double quantization costs 0.127 bits per parameter for its block constants
     * (Dettmers et al. 2023, "QLoRA", section 2: blocksize 64, 8-bit second-level constants).
     */
    static final double NF4_CONSTANT_BITS = 0.127;
    /** LLM.int8 keeps one fp32 absmax per row of 4096-wide matrices: about 1/1024 bytes per parameter. */
    static final double INT8_CONSTANT_BYTES = 4.0 / 4096;
    /**
     * CUDA context, cuBLAS/cuDNN workspaces and NCCL buffers outside PyTorch's allocator: about 1 GB
     * on Ampere/Hopper (PyTorch docs, "CUDA semantics": the context takes 300 MB-1 GB depending on
     * the CUDA version and GPU; cuBLAS workspaces add tens of MB per stream).
     */
    static final double CONTEXT_GB = 1.0;
    /** Caching-allocator fragmentation: reserved exceeds allocated by 5-10% in steady training; use 5%. */
    static final double FRAGMENTATION = 0.05;
    /** Bytes kept per output logit: bf16 logits plus the fp32 copy HF models make for the loss. */
    static final double LOGIT_BYTES = 6;

    private MemoryEstimator() {
    }

    /** How the run is spread: data-parallel degree, ZeRO stage and CPU offload. */
    public record Sharding(int gpus, int zeroStage, boolean cpuOffload, boolean flashAttention) {
        public static Sharding single(boolean flashAttention) {
            return new Sharding(1, 0, false, flashAttention);
        }
    }

    public static MemoryBreakdown perGpu(ModelSpec m, Proposal p, Sharding s) {
        TrainingSettings t = p.getTraining();
        double total = ParameterCounts.total(p);
        double trainable = ParameterCounts.trainable(m, p);
        boolean adapters = isAdapterMethod(p.getMethod());

        double weights;
        double quantization = 0;
        if ("qlora".equals(p.getMethod())) {
            double embedding = ParameterCounts.embedding(m, p);
            double quantized = total - embedding;
            double bytes = p.getQuantizationBits() / 8.0;
            weights = quantized * bytes + embedding * B16;
            quantization = p.getQuantizationBits() == 4 ? quantized * NF4_CONSTANT_BITS / 8 : quantized * INT8_CONSTANT_BYTES;
        } else {
            weights = total * B16;
        }
        double gradients;
        double optimizer;
        if (adapters) {
            // PEFT keeps adapter weights in fp32 under autocast; their grads are fp32 too.
            weights += trainable * B32;
            gradients = trainable * B32;
            optimizer = trainable * adapterOptimizerBytes(t.getOptimizer());
        } else {
            gradients = trainable * B16;
            optimizer = trainable * fullOptimizerBytes(t.getOptimizer(), t.getPrecision());
        }

        // ZeRO (Rajbhandari et al. 2020): stage 1 shards optimizer states, 2 adds gradients, 3 adds weights.
        int n = Math.max(1, s.gpus());
        if (s.zeroStage() >= 1) optimizer /= n;
        if (s.zeroStage() >= 2) gradients /= n;
        double gatherBuffer = 0;
        if (s.zeroStage() >= 3) {
            weights /= n;
            quantization /= n;
            // ZeRO-3 gathers a layer's weights before use and prefetches the next: two layers in 16 bits.
            gatherBuffer = n > 1 ? 2 * (total / Math.max(1, m.layers)) * B16 : 0;
        }
        if (s.cpuOffload()) {
            optimizer = 0; // ZeRO-Offload keeps optimizer states and the step on the CPU
        }
        double activations = activations(m, p, s.flashAttention());
        double allocated = weights + gradients + optimizer + activations + quantization + gatherBuffer;
        double overhead = CONTEXT_GB * GB + FRAGMENTATION * allocated + gatherBuffer;
        return new MemoryBreakdown((weights) / GB, gradients / GB, optimizer / GB, activations / GB,
                quantization / GB, (overhead) / GB);
    }

    /** Host RAM the offloaded optimizer states take, across the whole run (divide by nodes per node). */
    public static double offloadedOptimizerGb(ModelSpec m, Proposal p) {
        double trainable = ParameterCounts.trainable(m, p);
        TrainingSettings t = p.getTraining();
        double perParam = isAdapterMethod(p.getMethod()) ? adapterOptimizerBytes(t.getOptimizer())
                : fullOptimizerBytes(t.getOptimizer(), t.getPrecision());
        return trainable * perParam / GB;
    }

    static boolean isAdapterMethod(String method) {
        return switch (method) {
            case "lora", "qlora", "prefix-tuning", "p-tuning" -> true;
            default -> false;
        };
    }

    /**
     * Optimizer bytes per trained parameter for full or freeze tuning. Mixed precision keeps an fp32
     * master copy (4) beside Adam's two fp32 moments (8): the ZeRO paper's "12 bytes" (K=12).
     * Pure bf16 keeps only bf16 moments (4). 8-bit Adam (Dettmers et al. 2022) stores the moments in
     * one byte each. SGD with momentum keeps one state.
     */
    static double fullOptimizerBytes(String optimizer, String precision) {
        boolean master = !"pure-bf16".equals(precision);
        double states = switch (optimizer) {
            case "adamw" -> master ? 2 * B32 : 2 * B16;
            case "adamw-8bit", "paged-adamw-8bit" -> 2;
            case "sgd" -> master ? B32 : B16;
            default -> 2 * B32;
        };
        return states + (master ? B32 : 0);
    }

    /** Adapters are trained in fp32: Adam's moments are fp32 (8 bytes) unless 8-bit (2 bytes). */
    static double adapterOptimizerBytes(String optimizer) {
        return switch (optimizer) {
            case "adamw-8bit", "paged-adamw-8bit" -> 2;
            case "sgd" -> B32;
            default -> 2 * B32;
        };
    }

    /**
     * Activation memory of one micro-batch, in bytes. Per layer, the tensors autograd keeps for a
     * Llama-style block (after Korthikanti et al. 2022, "Reducing Activation Recomputation", adapted
     * to RMSNorm, grouped-query attention, SwiGLU and no dropout): the two norm inputs and outputs
     * (8h bytes per token), q, k, v (2(q+2kv)), the attention output (2q), the four SwiGLU tensors
     * (8i, times the experts each token visits). Without FlashAttention the s x s score and softmax
     * matrices (4 bytes per element per head) are kept too. With gradient checkpointing only each
     * layer's input (2h) is kept, and one layer is rebuilt at a time during backward.
     */
    public static double activations(ModelSpec m, Proposal p, boolean flashAttention) {
        TrainingSettings t = p.getTraining();
        double s = p.getSequenceLength();
        if ("prefix-tuning".equals(p.getMethod()) || "p-tuning".equals(p.getMethod())) {
            s += t.getVirtualTokens();
        }
        double b = t.getMicroBatchSize();
        double h = m.hiddenSize;
        double q = m.attentionHeads * (double) m.headDimension();
        double kv = ParameterCounts.kvWidth(m);
        double i = m.intermediateSize;
        double perTokenLayer = 8 * h + B16 * (q + 2 * kv) + B16 * q + 8 * i * Math.max(1, m.activeExperts);
        double perLayer = s * b * perTokenLayer;
        if (!flashAttention) {
            perLayer += 4 * b * m.attentionHeads * s * s;
        }
        double layers;
        if (t.isGradientCheckpointing()) {
            layers = m.layers * s * b * h * B16 + perLayer;
        } else {
            layers = m.layers * perLayer;
        }
        double logits = s * b * m.vocabSize * LOGIT_BYTES;
        return layers + logits;
    }
}

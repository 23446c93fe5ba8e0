package dev.ftadvisor.estimate;

import dev.ftadvisor.model.MemoryBreakdown;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;
import dev.ftadvisor.model.TrainingSettings;

/**
 * GPU memory of a fine-tuning run, per GPU, by component. Plain arithmetic from the model's layer
 * shapes; every constant says where it comes from. Judging whether the result fits a GPU is the
 * rules' job, not this class's. Checked against published and measured figures by
 * {@code MemoryCalibrationTest} (src/test/resources/calibration/).
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
     * CUDA context and library workspaces outside PyTorch's allocator. With lazy module loading
     * (default since CUDA 11.7 / PyTorch 1.13; NVIDIA CUDA C Programming Guide, "Lazy Loading")
     * the context is about 0.3 GB on A100/H100, plus cuBLAS workspaces (PyTorch's default
     * CUBLAS_WORKSPACE_CONFIG :4096:8, 32 MB per stream) and NCCL buffers: 0.35 GB.
     */
    static final double CONTEXT_GB = 0.35;
    /**
     * Caching-allocator fragmentation on the transient, variably sized tensors (activations):
     * PyTorch's "CUDA semantics / memory management" notes reserved exceeding allocated; 5% of the
     * activations. Weights and optimizer states are allocated once in large blocks and do not fragment.
     */
    static final double FRAGMENTATION = 0.05;
    /**
     * Bytes per output logit held at the end of the forward pass: the bf16 lm_head output (2), the
     * fp32 copy transformers makes for the loss (4: ForCausalLMLoss {@code logits.float()}) and the
     * fp32 log-softmax cross-entropy saves for backward (4).
     */
    static final double LOGIT_BYTES = 10;
    /**
     * Bytes per attention-score element and head kept without a fused kernel (eager attention):
     * the fp32 softmax output (4) softmax backward needs and its bf16 cast (2) the AV product needs
     * (transformers' eager_attention_forward: {@code softmax(..., dtype=float32).to(dtype)}).
     */
    static final double EAGER_SCORE_BYTES = 6;
    /**
     * Under gradient checkpointing one layer is rebuilt at a time during backward and its activation
     * gradients exist beside it: twice one layer's activations (Chen et al. 2016, "Training Deep Nets
     * with Sublinear Memory Cost": memory O(n/k + k) with k = 1 layer per segment).
     */
    static final double RECOMPUTE_LAYERS = 2;
    /**
     * LLaMA-Factory's default for freeze tuning trains the last 2 decoder layers
     * ({@code freeze_trainable_layers: 2}, hparams/finetuning_args.py); used when no trainableFraction is given.
     */
    static final int FREEZE_DEFAULT_LAYERS = 2;

    private MemoryEstimator() {
    }

    /** How the run is spread: data-parallel degree, ZeRO stage, CPU offload and the attention kernel. */
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
        boolean pureBf16 = "pure-bf16".equals(t.getPrecision());

        double weights;
        double quantization = 0;
        if ("qlora".equals(p.getMethod())) {
            // bitsandbytes quantizes the decoder's linear layers; the embedding and (untied) lm_head stay 16-bit
            double embedding = ParameterCounts.embedding(m, p);
            double quantized = total - embedding;
            weights = quantized * p.getQuantizationBits() / 8.0 + embedding * B16;
            quantization = p.getQuantizationBits() == 4 ? quantized * NF4_CONSTANT_BITS / 8 : quantized * INT8_CONSTANT_BYTES;
        } else {
            weights = total * B16;
        }
        double gradients;
        double optimizer;
        if (adapters) {
            // PEFT keeps adapters in fp32 under autocast (autocast_adapter_dtype); pure bf16 keeps them in bf16.
            double adapterBytes = pureBf16 ? B16 : B32;
            weights += trainable * adapterBytes;
            gradients = trainable * adapterBytes;
            optimizer = trainable * optimizerStateBytes(t.getOptimizer(), pureBf16);
        } else {
            gradients = trainable * fullGradientBytes(t.getPrecision());
            optimizer = trainable * (optimizerStateBytes(t.getOptimizer(), pureBf16) + masterBytes(t.getPrecision()));
        }

        // ZeRO (Rajbhandari et al. 2020): stage 1 shards optimizer states, 2 adds gradients, 3 adds weights.
        int n = Math.max(1, s.gpus());
        if (s.zeroStage() >= 1) optimizer /= n;
        if (s.zeroStage() >= 2) gradients /= n;
        double gatherBuffer = 0;
        double layerWeights = total / Math.max(1, m.layers) * B16;
        if (s.zeroStage() >= 3) {
            weights /= n;
            quantization /= n;
            // ZeRO-3 gathers a layer's weights before use and prefetches the next: two layers in 16 bits.
            gatherBuffer = n > 1 ? 2 * layerWeights : 0;
        }
        if (s.cpuOffload()) {
            // ZeRO-Offload (Ren et al. 2021): optimizer states, fp32 master and fp32 gradients live in host
            // RAM; the GPU only stages 16-bit gradients in reduce buckets on their way out (two layers'
            // worth, double-buffered). With ZeRO-3 the usual configuration (LLaMA-Factory
            // ds_z3_offload_config.json, FSDP cpu_offload) also offloads the parameters, leaving the
            // gathered layers on the GPU.
            optimizer = 0;
            gradients = Math.min(gradients, 2 * trainable / Math.max(1, m.layers) * B16);
            if (s.zeroStage() >= 3) {
                weights = 0;
                quantization = 0;
                gatherBuffer = 2 * layerWeights;
            }
        }
        double activations = activations(m, p, s.flashAttention());
        double overhead = CONTEXT_GB * GB + FRAGMENTATION * activations + gatherBuffer;
        return new MemoryBreakdown(weights / GB, gradients / GB, optimizer / GB, activations / GB,
                quantization / GB, overhead / GB);
    }

    /**
     * Host RAM the offloaded state takes, across the whole run (divide by nodes for one node): Adam's
     * moments, the fp32 master copy and fp32 gradients for every trained parameter (ZeRO-Offload), and
     * with ZeRO-3 the 16-bit parameters too. Zero without offload.
     */
    public static double offloadHostRamGb(ModelSpec m, Proposal p, int zeroStage) {
        TrainingSettings t = p.getTraining();
        if (!t.isCpuOffload()) return 0;
        boolean pureBf16 = "pure-bf16".equals(t.getPrecision());
        double trainable = ParameterCounts.trainable(m, p);
        double perParam = optimizerStateBytes(t.getOptimizer(), pureBf16)
                + (isAdapterMethod(p.getMethod()) ? B32 : masterBytes(t.getPrecision()) + B32);
        double params = zeroStage >= 3 ? ParameterCounts.total(p) * B16 : 0;
        return (trainable * perParam + params) / GB;
    }

    static boolean isAdapterMethod(String method) {
        return switch (method) {
            case "lora", "qlora", "prefix-tuning", "p-tuning" -> true;
            default -> false;
        };
    }

    /**
     * Optimizer-state bytes per trained parameter. AdamW keeps two moments: fp32 (8) in mixed
     * precision, bf16 (4) in pure bf16. 8-bit AdamW (Dettmers et al. 2022, "8-bit Optimizers via
     * Block-wise Quantization") keeps each moment in one byte (2); the paged variant only moves them
     * to host memory under pressure, so the steady-state size is the same. SGD with momentum keeps one.
     */
    static double optimizerStateBytes(String optimizer, boolean pureBf16) {
        double value = pureBf16 ? B16 : B32;
        return switch (optimizer) {
            case "adamw-8bit", "paged-adamw-8bit" -> 2;
            case "sgd" -> value;
            default -> 2 * value;
        };
    }

    /**
     * Mixed precision (and fp16) keeps an fp32 master copy of every trained weight (ZeRO paper,
     * section 3.1: K = 12 = 4 master + 8 Adam); pure bf16 updates the bf16 weights in place.
     */
    static double masterBytes(String precision) {
        return "pure-bf16".equals(precision) ? 0 : B32;
    }

    /**
     * Gradient bytes per trained parameter for full/freeze tuning: 16-bit in mixed precision and in pure
     * bf16. This is the standard mixed-precision accounting of the ZeRO paper (Rajbhandari et al. 2020,
     * section 3.1: 2 bytes of fp16 parameters + 2 of fp16 gradients + K = 12 of fp32 master copy and Adam
     * moments = 16 bytes per parameter), which DeepSpeed ZeRO and FSDP's MixedPrecision (reduce_dtype bf16)
     * follow; the fp32 gradient the optimizer step reads is made one partition at a time.
     */
    static double fullGradientBytes(String precision) {
        return B16;
    }

    /** Fraction of the model's parameters freeze tuning trains: the proposal's, or the last 2 layers. */
    public static double freezeFraction(ModelSpec m, TrainingSettings t) {
        if (t.getTrainableFraction() != null) return t.getTrainableFraction();
        return m.layers > 0 ? Math.min(1.0, (double) FREEZE_DEFAULT_LAYERS / m.layers) : 0.1;
    }

    /** Tokens one sequence occupies: prefix/prompt tuning prepends its virtual tokens. */
    static double tokensPerSequence(Proposal p) {
        double s = p.getSequenceLength();
        if ("prefix-tuning".equals(p.getMethod()) || "p-tuning".equals(p.getMethod())) {
            s += p.getTraining().getVirtualTokens();
        }
        return s;
    }

    /**
     * Bytes one layer keeps per token for backward in a Llama-style block (after Korthikanti et al.
     * 2022, "Reducing Activation Recomputation in Large Transformer Models", adapted to RMSNorm,
     * rotary embeddings, grouped-query attention, SwiGLU and no dropout): each of the two RMSNorms
     * keeps its fp32 upcast input, its bf16 normalised value and its output (4h + 2h + 2h); the rotated
     * q and k plus v (2(q + 2kv)) and the attention output (2q) for the attention kernel and o_proj;
     * the four SwiGLU tensors (gate, its SiLU, up, their product: 8i, per expert a token visits).
     */
    static double layerBytesPerToken(ModelSpec m) {
        double h = m.hiddenSize;
        double q = m.attentionHeads * (double) m.headDimension();
        double kv = ParameterCounts.kvWidth(m);
        double i = m.intermediateSize;
        return 2 * 8 * h + B16 * (q + 2 * kv) + B16 * q + 8 * i * Math.max(1, m.activeExperts);
    }

    /**
     * Activation memory of one micro-batch, in bytes. Without FlashAttention the s x s scores of every
     * head are kept too (eager attention). Without checkpointing every layer keeps its tensors and
     * the logits come on top. With gradient checkpointing only each layer's bf16 input is kept; the
     * peak is then either the end of the forward pass (the logits) or the backward of one rebuilt
     * layer, whichever is larger.
     */
    public static double activations(ModelSpec m, Proposal p, boolean flashAttention) {
        TrainingSettings t = p.getTraining();
        double s = tokensPerSequence(p);
        double b = t.getMicroBatchSize();
        double perLayer = s * b * layerBytesPerToken(m);
        if (!flashAttention) {
            perLayer += EAGER_SCORE_BYTES * b * m.attentionHeads * s * s;
        }
        double logits = s * b * m.vocabSize * LOGIT_BYTES;
        if (t.isGradientCheckpointing()) {
            double inputs = m.layers * s * b * m.hiddenSize * B16;
            return inputs + Math.max(logits, RECOMPUTE_LAYERS * perLayer);
        }
        return m.layers * perLayer + logits;
    }
}

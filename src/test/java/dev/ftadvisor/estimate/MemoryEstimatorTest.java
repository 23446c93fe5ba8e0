package dev.ftadvisor.estimate;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.MemoryBreakdown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MemoryEstimatorTest {
    private static final double GB = 1e9;

    private static final ProposalResolver RESOLVER = new ProposalResolver(TestSupport.catalog());

    static ResolvedProposal proposal(String fields) {
        return resolve("{\"dataset\":{\"tokens\":\"10M\"}," + fields + "}");
    }

    /** Resolves a proposal written as JSON against the project's catalog, loaded once. */
    static ResolvedProposal resolve(String json) {
        return RESOLVER.resolve(ProposalReader.read(json, false), "test");
    }

    static MemoryBreakdown single(ResolvedProposal r) {
        return MemoryEstimator.perGpu(r.model(), r.proposal(), MemoryEstimator.Sharding.single(true));
    }

    static MemoryBreakdown sharded(ResolvedProposal r, int gpus, int zero, boolean offload) {
        return MemoryEstimator.perGpu(r.model(), r.proposal(), new MemoryEstimator.Sharding(gpus, zero, offload, true));
    }

    @Test
    void fullMixedPrecisionIsTheZeroPapersSixteenBytesPerParameter() {
        ResolvedProposal r = proposal("\"model\":\"llama-2-7b\",\"method\":\"full\"");
        double n = 6.738e9;
        MemoryBreakdown m = single(r);
        assertThat(m.getWeights()).isCloseTo(2 * n / GB, within(1e-6));
        assertThat(m.getGradients()).isCloseTo(2 * n / GB, within(1e-6));
        assertThat(m.getOptimizer()).isCloseTo(12 * n / GB, within(1e-6));
        assertThat(m.getQuantization()).isZero();
        // Rajbhandari et al. 2020, section 3.1: 2 + 2 + 12 = 16 bytes per parameter before activations
        assertThat(m.getTotal()).isBetween(16 * n / GB, 16 * n / GB + 10);
    }

    @Test
    void pureBf16HalvesTheStatesAnd8BitAdamShrinksTheOptimizerTerm() {
        double n = 6.738e9;
        MemoryBreakdown pure = single(proposal("\"model\":\"llama-2-7b\",\"method\":\"full\",\"training\":{\"precision\":\"pure-bf16\"}"));
        assertThat(pure.getGradients()).isCloseTo(2 * n / GB, within(1e-6));
        assertThat(pure.getOptimizer()).isCloseTo(4 * n / GB, within(1e-6));
        MemoryBreakdown eightBit = single(proposal("\"model\":\"llama-2-7b\",\"method\":\"full\",\"training\":{\"optimizer\":\"adamw-8bit\"}"));
        assertThat(eightBit.getOptimizer()).isCloseTo((2 + 4) * n / GB, within(1e-6)); // 1-byte moments + fp32 master
        MemoryBreakdown paged = single(proposal("\"model\":\"llama-2-7b\",\"method\":\"full\",\"training\":{\"optimizer\":\"paged-adamw-8bit\"}"));
        assertThat(paged.getOptimizer()).isEqualTo(eightBit.getOptimizer());
        MemoryBreakdown sgd = single(proposal("\"model\":\"llama-2-7b\",\"method\":\"full\",\"training\":{\"optimizer\":\"sgd\"}"));
        assertThat(sgd.getOptimizer()).isCloseTo((4 + 4) * n / GB, within(1e-6));
    }

    @Test
    void freezeTrainsTheLastTwoLayersUnlessAFractionIsGiven() {
        ResolvedProposal r = proposal("\"model\":\"llama-2-7b\",\"method\":\"freeze\"");
        assertThat(ParameterCounts.trainable(r.model(), r.proposal())).isCloseTo(6.738e9 * 2 / 32, within(1.0));
        ResolvedProposal half = proposal("\"model\":\"llama-2-7b\",\"method\":\"freeze\",\"training\":{\"trainableFraction\":0.5}");
        assertThat(ParameterCounts.trainable(half.model(), half.proposal())).isCloseTo(6.738e9 * 0.5, within(1.0));
        assertThat(single(half).getOptimizer()).isGreaterThan(single(r).getOptimizer() * 7);
    }

    @Test
    void loraAdaptersComeFromLayerShapesRankAndTargets() {
        // Llama-2-7B, r=8 on q and v: 32 layers x 2 x 8 x (4096 + 4096) = 4,194,304 (PEFT prints this count)
        ResolvedProposal r = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\"");
        assertThat(ParameterCounts.trainable(r.model(), r.proposal())).isEqualTo(4_194_304.0);
        ResolvedProposal rank16 = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"training\":{\"loraRank\":16}");
        assertThat(ParameterCounts.trainable(rank16.model(), rank16.proposal())).isEqualTo(2 * 4_194_304.0);
        ResolvedProposal all = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"training\":{\"loraTargets\":[\"all\"]}");
        // q,k,v,o: 4 x 8 x 8192; gate, up, down: 3 x 8 x (4096 + 11008); x 32 layers = 19,988,480
        assertThat(ParameterCounts.trainable(all.model(), all.proposal())).isEqualTo(19_988_480.0);
        // Llama-3-8B uses grouped-query attention: v_proj is 4096 -> 1024
        ResolvedProposal gqa = proposal("\"model\":\"llama-3-8b\",\"method\":\"lora\"");
        assertThat(ParameterCounts.trainable(gqa.model(), gqa.proposal())).isEqualTo(32 * 8 * (8192 + 4096 + 1024.0));
        // frozen 16-bit base, fp32 adapters with fp32 grads and Adam moments
        MemoryBreakdown m = single(r);
        assertThat(m.getWeights()).isCloseTo((2 * 6.738e9 + 4 * 4_194_304) / GB, within(1e-6));
        assertThat(m.getGradients()).isCloseTo(4 * 4_194_304 / GB, within(1e-9));
        assertThat(m.getOptimizer()).isCloseTo(8 * 4_194_304 / GB, within(1e-9));
    }

    @Test
    void qloraQuantizesTheDecoderAndKeepsEmbeddingsIn16Bits() {
        ResolvedProposal r = proposal("\"model\":\"llama-2-7b\",\"method\":\"qlora\"");
        double embedding = 2 * 32000 * 4096.0;
        double quantized = 6.738e9 - embedding;
        MemoryBreakdown m = single(r);
        double adapters = 4 * 4_194_304;
        assertThat(m.getWeights()).isCloseTo((quantized * 0.5 + embedding * 2 + adapters) / GB, within(1e-6));
        assertThat(m.getQuantization()).isCloseTo(quantized * 0.127 / 8 / GB, within(1e-6));
        // QLoRA defaults to paged 8-bit AdamW: 2 bytes of state per adapter parameter
        assertThat(m.getOptimizer()).isCloseTo(2 * 4_194_304 / GB, within(1e-9));
        MemoryBreakdown eight = single(proposal("\"model\":\"llama-2-7b\",\"method\":\"qlora\",\"quantizationBits\":8"));
        assertThat(eight.getWeights()).isGreaterThan(m.getWeights() + 3);
        assertThat(eight.getQuantization()).isLessThan(m.getQuantization());
    }

    @Test
    void prefixAndPTuningTrainVirtualTokensAndLengthenTheSequence() {
        ResolvedProposal prefix = proposal("\"model\":\"llama-2-7b\",\"method\":\"prefix-tuning\",\"training\":{\"virtualTokens\":30}");
        assertThat(ParameterCounts.trainable(prefix.model(), prefix.proposal())).isEqualTo(30.0 * 32 * 2 * 4096);
        ResolvedProposal ptuning = proposal("\"model\":\"llama-2-7b\",\"method\":\"p-tuning\",\"sequenceLength\":1024");
        ResolvedProposal lora = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":1024");
        assertThat(single(ptuning).getActivations()).isGreaterThan(single(lora).getActivations());
        assertThat(single(prefix).getWeights()).isCloseTo(2 * 6.738e9 / GB, within(0.1));
    }

    @Test
    void activationsScaleWithSequenceMicroBatchAndModelShape() {
        String base = "\"model\":\"llama-2-7b\",\"method\":\"lora\",\"training\":{\"gradientCheckpointing\":false";
        double a1 = single(proposal(base + ",\"microBatchSize\":1}")).getActivations();
        double a4 = single(proposal(base + ",\"microBatchSize\":4}")).getActivations();
        assertThat(a4).isCloseTo(4 * a1, within(1e-9));
        double s1k = single(proposal(base + "},\"sequenceLength\":1024")).getActivations();
        double s2k = single(proposal(base + "},\"sequenceLength\":2048")).getActivations();
        assertThat(s2k).isCloseTo(2 * s1k, within(1e-9)); // linear in s with FlashAttention
        // per layer and token: 2 RMSNorms (16h), q,k,v (2 x 3h), attention output (2h), SwiGLU (8i)
        double perToken = 16 * 4096 + 2 * 3 * 4096 + 2 * 4096 + 8 * 11008;
        assertThat(s1k * GB).isCloseTo(1024 * (32 * perToken + 32000 * 10), within(1.0));
        // a bigger model (more layers, wider) keeps more
        double bigger = single(proposal("\"model\":\"llama-2-13b\",\"method\":\"lora\",\"training\":{\"gradientCheckpointing\":false}")).getActivations();
        assertThat(bigger).isGreaterThan(a1 * 1.5);
    }

    @Test
    void checkpointingKeepsLayerInputsAndEagerAttentionAddsQuadraticScores() {
        ResolvedProposal gc = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":4096");
        ResolvedProposal noGc = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":4096,\"training\":{\"gradientCheckpointing\":false}");
        double withGc = single(gc).getActivations();
        double without = single(noGc).getActivations();
        assertThat(withGc).isLessThan(without / 3);
        // checkpointing keeps 32 layer inputs of 2h bytes per token, plus the larger of logits and 2 rebuilt layers
        double inputs = 32 * 4096 * 4096 * 2.0;
        double logits = 4096 * 32000 * 10.0;
        double layer = 4096 * (16 * 4096 + 2 * 3 * 4096 + 2 * 4096 + 8 * 11008.0);
        assertThat(withGc * GB).isCloseTo(inputs + Math.max(logits, 2 * layer), within(1.0));
        // no FlashAttention (V100/T4): s x s scores per head, 6 bytes each, in every layer without checkpointing
        double eager = MemoryEstimator.activations(noGc.model(), noGc.proposal(), false);
        assertThat(eager / GB - without).isCloseTo(32 * 6.0 * 32 * 4096 * 4096 / GB, within(1e-6)); // activations() is in bytes
    }

    @Test
    void zeroStagesShardOptimizerThenGradientsThenWeights() {
        ResolvedProposal r = proposal("\"model\":\"llama-2-13b\",\"method\":\"full\"");
        MemoryBreakdown one = single(r);
        MemoryBreakdown ddp = sharded(r, 8, 0, false);
        assertThat(ddp.getTotal()).isCloseTo(one.getTotal(), within(1e-9)); // plain data parallel replicates everything
        MemoryBreakdown z1 = sharded(r, 8, 1, false);
        assertThat(z1.getOptimizer()).isCloseTo(one.getOptimizer() / 8, within(1e-9));
        assertThat(z1.getGradients()).isEqualTo(one.getGradients());
        MemoryBreakdown z2 = sharded(r, 8, 2, false);
        assertThat(z2.getGradients()).isCloseTo(one.getGradients() / 8, within(1e-9));
        assertThat(z2.getWeights()).isEqualTo(one.getWeights());
        MemoryBreakdown z3 = sharded(r, 8, 3, false);
        assertThat(z3.getWeights()).isCloseTo(one.getWeights() / 8, within(1e-9));
        // ZeRO-3 gathers two layers' 16-bit weights at a time
        assertThat(z3.getOverhead() - z2.getOverhead()).isCloseTo(2 * 13.016e9 / 40 * 2 / GB, within(1e-6));
        assertThat(z3.getActivations()).isEqualTo(one.getActivations()); // each GPU runs its own micro-batch
        assertThat(sharded(r, 16, 3, false).getTotal()).isLessThan(z3.getTotal());
    }

    @Test
    void cpuOffloadEmptiesTheOptimizerTermAndSaysHowMuchHostRamItNeeds() {
        ResolvedProposal r = proposal("\"model\":\"llama-2-13b\",\"method\":\"full\",\"training\":{\"cpuOffload\":true}");
        double n = 13.016e9;
        MemoryBreakdown z2 = sharded(r, 8, 2, true);
        assertThat(z2.getOptimizer()).isZero();
        // gradients only pass through reduce buckets on their way to the CPU: two layers in 16 bits
        assertThat(z2.getGradients()).isCloseTo(2 * n / 40 * 2 / GB, within(1e-6));
        assertThat(z2.getWeights()).isCloseTo(2 * n / GB, within(1e-6));
        // Adam moments (8) + fp32 master (4) + fp32 gradients (4) per parameter, in host RAM
        assertThat(MemoryEstimator.offloadHostRamGb(r.model(), r.proposal(), 2)).isCloseTo(16 * n / GB, within(1e-6));
        // ZeRO-3 with offload moves the 16-bit weights out too
        MemoryBreakdown z3 = sharded(r, 8, 3, true);
        assertThat(z3.getWeights()).isZero();
        assertThat(MemoryEstimator.offloadHostRamGb(r.model(), r.proposal(), 3)).isCloseTo(18 * n / GB, within(1e-6));
        ResolvedProposal noOffload = proposal("\"model\":\"llama-2-13b\",\"method\":\"full\"");
        assertThat(MemoryEstimator.offloadHostRamGb(noOffload.model(), noOffload.proposal(), 3)).isZero();
    }
}

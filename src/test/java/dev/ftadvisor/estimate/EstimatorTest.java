package dev.ftadvisor.estimate;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ftadvisor.estimate.MemoryEstimatorTest.proposal;
import static org.assertj.core.api.Assertions.assertThat;

class EstimatorTest {
    private static final Estimator ESTIMATOR = new Estimator(TestSupport.catalog());

    /** The one-node candidate of this catalog row (instance type and region) under the pricing model. */
    static Candidate candidate(List<Candidate> cs, dev.ftadvisor.model.InstanceSpec inst, String pricing) {
        return cs.stream().filter(c -> c.getInstanceType().equals(inst.instanceType) && c.getRegion().equals(inst.primaryRegion())
                && c.getNodes() == 1 && c.getPricing().equals(pricing)).findFirst().orElseThrow();
    }

    static Candidate candidate(List<Candidate> cs, String instanceType, int nodes, String pricing) {
        return cs.stream().filter(c -> c.getInstanceType().equals(instanceType) && c.getNodes() == nodes
                && c.getPricing().equals(pricing)).findFirst().orElseThrow();
    }

    @Test
    void estimateListsItsAssumptionsWithValuesAndSources() {
        Estimate e = ESTIMATOR.estimate(proposal("\"model\":\"llama-3-8b\",\"method\":\"qlora\""));
        assertThat(e.getAssumptions()).extracting(Estimate.Assumption::name)
                .contains("memory.quantizationConstants", "memory.cudaContextGb", "memory.logitBytes", "time.mfu",
                        "time.setupHours", "time.qloraDequantization", "cost.spotInterruptionsPerNodeHour",
                        "cost.spotFallbackDiscount", "cost.reservedTerm", "sharding.zeroStage");
        assertThat(e.getAssumptions()).allSatisfy(a -> {
            assertThat(a.value()).isNotBlank();
            assertThat(a.source()).isNotBlank();
        });
        Estimate withMfu = ESTIMATOR.estimate(proposal("\"model\":\"llama-3-8b\",\"method\":\"lora\",\"training\":{\"mfu\":0.3}"));
        assertThat(withMfu.getAssumptions()).filteredOn(a -> a.name().equals("time.mfu"))
                .singleElement().satisfies(a -> assertThat(a.source()).isEqualTo("proposal"));
    }

    @Test
    void sequenceLongerThanTheModelsContextIsEstimatedAndFlagged() {
        ResolvedProposal within = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":4096");
        ResolvedProposal beyond = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":16384");
        Estimate a = ESTIMATOR.estimate(within);
        Estimate b = ESTIMATOR.estimate(beyond);
        assertThat(a.isSequenceBeyondContext()).isFalse();
        assertThat(b.isSequenceBeyondContext()).isTrue();
        assertThat(b.getModelMaxContext()).isEqualTo(4096);
        assertThat(b.getMemory().getActivations()).isGreaterThan(a.getMemory().getActivations() * 3.5);
    }

    @Test
    void thePricingModelsOfOneConfigurationShareIt() {
        List<Candidate> cs = ESTIMATOR.candidates(proposal("\"model\":\"llama-3-8b\",\"method\":\"lora\",\"region\":\"us\",\"deadlineHours\":24"));
        Candidate onDemand = candidate(cs, "p4d.24xlarge", 2, "on-demand");
        Candidate spot = candidate(cs, "p4d.24xlarge", 2, "spot");
        assertThat(spot.getConfiguration()).isSameAs(onDemand.getConfiguration());
        assertThat(onDemand.getConfigurationKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2");
        assertThat(onDemand.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2/on-demand");
        // hardware read through, pricing its own: spot adds rework after interruptions
        assertThat(spot.getMemoryPerGpuGb()).isEqualTo(onDemand.getConfiguration().getMemoryPerGpuGb());
        assertThat(onDemand.getHours()).isEqualTo(onDemand.getComputeHours());
        assertThat(spot.getHours()).isGreaterThan(spot.getComputeHours());
        assertThat(onDemand.getConfiguration().getOnDemandUsdPerHour()).isEqualTo(onDemand.getUsdPerHour());
        // one configuration per instance type x node count, its candidates next to each other
        long configurations = cs.stream().map(Candidate::getConfiguration).distinct().count();
        assertThat(configurations).isLessThan(cs.size());
        for (int i = 1; i < cs.size(); i++) {
            if (cs.get(i).getConfiguration() != cs.get(i - 1).getConfiguration()) {
                Candidate next = cs.get(i);
                assertThat(cs.subList(0, i)).noneMatch(c -> c.getConfiguration() == next.getConfiguration());
            }
        }
    }

    @Test
    void oneGpuAndManyGpusOfTheSameInstanceFamilyDiffer() {
        // a deadline: time matters, so the 8-GPU instances are offered on 2 and 4 nodes too
        List<Candidate> cs = ESTIMATOR.candidates(proposal("\"model\":\"llama-2-13b\",\"method\":\"full\",\"deadlineHours\":100"));
        Candidate one = candidate(cs, "p4de.24xlarge", 1, "on-demand");
        Candidate two = candidate(cs, "p4de.24xlarge", 2, "on-demand");
        // 16 bytes x 13B = 208 GB: one replica fits no card, ZeRO-2 (optimizer states and gradients sharded) is enough
        assertThat(one.getSharding()).isEqualTo("zero-2");
        assertThat(two.getMemoryPerGpuGb()).isLessThan(one.getMemoryPerGpuGb());
        assertThat(two.getComputeHours()).isLessThan(one.getComputeHours());
        assertThat(two.getScalingEfficiency()).isLessThan(one.getScalingEfficiency());
        Candidate single = candidate(cs, "a2-ultragpu-1g", 1, "on-demand");
        assertThat(single.getSharding()).isEqualTo("single-gpu");
        assertThat(single.getMemoryPerGpuGb()).isCloseTo(ESTIMATOR.estimate(proposal("\"model\":\"llama-2-13b\",\"method\":\"full\"")).getMemoryGb(),
                org.assertj.core.api.Assertions.within(0.1));
    }

    @Test
    void gpusWithoutFlashAttentionKeepTheQuadraticAttentionScores() {
        List<Candidate> cs = ESTIMATOR.candidates(proposal(
                "\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":4096,\"training\":{\"gradientCheckpointing\":false}"));
        Candidate v100 = candidate(cs, "p3.2xlarge", 1, "on-demand");
        Candidate a10g = candidate(cs, "g5.xlarge", 1, "on-demand");
        assertThat(v100.isFlashAttention2()).isFalse();
        // 32 layers x 32 heads x 4096^2 scores x 6 bytes = 103 GB more
        assertThat(v100.getMemoryPerGpu().getActivations() - a10g.getMemoryPerGpu().getActivations())
                .isCloseTo(32 * 32 * 4096.0 * 4096 * 6 / 1e9, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void spotIsPricedOnlyWhereAMarketExistsAndAnUnpublishedPriceIsMarkedEstimated() {
        // with a region, every catalogued region of an instance type is priced (the gates set aside the others)
        List<Candidate> cs = ESTIMATOR.candidates(proposal("\"model\":\"llama-3-8b\",\"method\":\"lora\",\"region\":\"us\""));
        var catalog = TestSupport.catalog();
        // Lambda sells no spot capacity: no spot candidate at all
        assertThat(cs).filteredOn(c -> c.getProvider().equals("lambda")).isNotEmpty().noneMatch(Candidate::isSpot);
        int estimated = 0;
        for (var inst : catalog.instances()) {
            if (!catalog.provider(inst.provider).spotMarket) continue;
            Candidate spot = candidate(cs, inst, "spot");
            Candidate onDemand = candidate(cs, inst, "on-demand");
            if (inst.spotUsdHour == null) {
                estimated++;
                assertThat(spot.getPriceBasis()).startsWith("estimated");
                assertThat(spot.isPriceEstimated()).isTrue();
                assertThat(spot.getUsdPerHour()).isCloseTo(onDemand.getUsdPerHour() * 0.5, org.assertj.core.api.Assertions.within(1e-9));
            } else {
                assertThat(spot.getPriceBasis()).isEqualTo("published");
            }
            assertThat(spot.getReworkHours()).isGreaterThanOrEqualTo(0);
        }
        assertThat(estimated).as("the catalog has spot markets without a published price to test").isPositive();
    }

    @Test
    void theLayoutShardsOnlyAsFarAsMemoryNeeds() {
        List<Candidate> cs = ESTIMATOR.candidates(proposal("\"model\":\"llama-3-8b\",\"method\":\"lora\""));
        // 19.8 GB unsharded: one replica per 80 GB card (data parallel), ZeRO-3 on 16 GB V100s
        assertThat(candidate(cs, "p4de.24xlarge", 1, "on-demand").getSharding()).isEqualTo("data-parallel");
        assertThat(candidate(cs, "p3.16xlarge", 1, "on-demand").getSharding()).isEqualTo("zero-3");
        // data parallel pays no ZeRO-3 all-gather: a better scaling efficiency than the same node sharded
        assertThat(candidate(cs, "p4de.24xlarge", 1, "on-demand").getScalingEfficiency())
                .isGreaterThan(candidate(cs, "p3.16xlarge", 1, "on-demand").getScalingEfficiency());
    }

    @Test
    void huggingFacesTwoNodeFsdpLlama2SeventyBFullFineTuneFits() {
        // Hugging Face, "Fine-tuning Llama 2 70B using PyTorch FSDP": 2 nodes x 8 A100 80 GB, FULL_SHARD,
        // activation checkpointing, sequence 2048: 16 bytes per parameter / 16 GPUs = 69 GB + activations
        List<Candidate> cs = ESTIMATOR.candidates(proposal(
                "\"model\":\"llama-2-70b\",\"method\":\"full\",\"sequenceLength\":2048"));
        Candidate two = candidate(cs, "p4de.24xlarge", 2, "on-demand");
        assertThat(two.getSharding()).isEqualTo("zero-3");
        assertThat(two.getMemoryPerGpuGb()).isLessThan(two.getGpuMemoryGb()).isGreaterThan(69);
        // a 70B full checkpoint is about 1 TB: writing one every hour costs minutes each, counted in the hours
        assertThat(two.getCheckpointGb()).isBetween(900.0, 1100.0);
        assertThat(two.getCheckpointWriteHours()).isPositive();
    }

    @Test
    void seventyBillionQloraFitsOneEightyGigabyteCard() {
        ResolvedProposal r = proposal("\"model\":\"llama-3-70b\",\"method\":\"qlora\"");
        Estimate e = ESTIMATOR.estimate(r);
        assertThat(e.getMemoryGb()).isLessThan(80);
        Candidate h100 = candidate(ESTIMATOR.candidates(r), "p5.4xlarge", 1, "on-demand");
        assertThat(h100.getMemoryPerGpuGb()).isLessThan(h100.getGpuMemoryGb());
        Outcome o = TestSupport.advisor().consult(r, false);
        assertThat(o.findings()).noneMatch(f -> "memory.fit".equals(f.getId()) && f.getMessage().contains("p5.4xlarge"));
    }

    @Test
    void seventyBillionFullTuneOnEightA100sNeedsZero3AndOffloadAndTheNumbersDecide() {
        String base = "\"model\":\"llama-3-70b\",\"method\":\"full\",\"multiNodeAllowed\":true,\"region\":\"us\",\"deadlineHours\":500,\"training\":{\"zeroStage\":3";
        ResolvedProposal zero3 = proposal(base + "}");
        Candidate noOffload = candidate(ESTIMATOR.candidates(zero3), "p4de.24xlarge", 1, "on-demand");
        // 70.6B x 16 bytes / 8 GPUs = 141 GB per GPU: more than an 80 GB card
        assertThat(noOffload.getMemoryPerGpuGb()).isGreaterThan(80);
        assertThat(rejectedBy(zero3, noOffload)).contains("memory.fit");

        ResolvedProposal offload = proposal(base + ",\"cpuOffload\":true}");
        List<Candidate> cs = ESTIMATOR.candidates(offload);
        Candidate oneNode = candidate(cs, "p4de.24xlarge", 1, "on-demand");
        Candidate twoNodes = candidate(cs, "p4de.24xlarge", 2, "on-demand");
        assertThat(oneNode.getMemoryPerGpuGb()).isLessThan(80);
        // host RAM: 70.6B x (8 Adam + 4 master + 4 fp32 grads + 2 weights) = 1270 GB on one node, half on two
        assertThat(oneNode.getHostRamNeededGb()).isBetween(1250.0, 1290.0);
        assertThat(twoNodes.getHostRamNeededGb()).isCloseTo(oneNode.getHostRamNeededGb() / 2, org.assertj.core.api.Assertions.within(0.1));
        List<String> oneNodeRules = rejectedBy(offload, oneNode);
        assertThat(oneNodeRules).doesNotContain("memory.fit");
        // p4de has 1152 GB RAM: the offloaded state does not fit one node, it does fit two
        assertThat(oneNodeRules).contains("ram.offload");
        assertThat(rejectedBy(offload, twoNodes)).doesNotContain("memory.fit", "ram.offload");
    }

    private static List<String> rejectedBy(ResolvedProposal r, Candidate c) {
        Outcome o = TestSupport.advisor().consult(r, false);
        return o.findings().stream()
                .filter(f -> Finding.EFFECT_REJECT.equals(f.getEffect()))
                .filter(f -> c.getKey().equals(f.getCandidateKey()) || c.getConfigurationKey().equals(f.getCandidateKey()))
                .map(Finding::getId).toList();
    }
}

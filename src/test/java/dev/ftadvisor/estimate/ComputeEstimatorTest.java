package dev.ftadvisor.estimate;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.GpuSpec;
import org.junit.jupiter.api.Test;

import static dev.ftadvisor.estimate.MemoryEstimatorTest.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComputeEstimatorTest {
    private static final Catalog CATALOG = TestSupport.catalog();

    static GpuSpec gpu(String id) {
        return CATALOG.gpu(id).orElseThrow();
    }

    @Test
    void fullTuningCostsSixNPerTokenAdaptersFourNAndCheckpointingAddsAForward() {
        String noGc = ",\"training\":{\"gradientCheckpointing\":false}";
        ResolvedProposal full = proposal("\"model\":\"llama-2-7b\",\"method\":\"full\",\"sequenceLength\":512" + noGc);
        double n = 6.738e9;
        double attention = 2.0 * 32 * 512 * 4096;
        assertThat(ComputeEstimator.flopsPerToken(full.model(), full.proposal())).isCloseTo(3 * (2 * n + attention), within(1.0));
        ResolvedProposal lora = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":512" + noGc);
        assertThat(ComputeEstimator.flopsPerToken(lora.model(), lora.proposal())).isCloseTo(2 * (2 * n + attention), within(1.0));
        ResolvedProposal gc = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\",\"sequenceLength\":512");
        assertThat(ComputeEstimator.flopsPerToken(gc.model(), gc.proposal())).isCloseTo(3 * (2 * n + attention), within(1.0));
        ResolvedProposal freeze = proposal("\"model\":\"llama-2-7b\",\"method\":\"freeze\",\"sequenceLength\":512" + noGc);
        assertThat(ComputeEstimator.flopsPerToken(freeze.model(), freeze.proposal()))
                .isCloseTo((2 * n + attention) * (1 + 2 * 2.0 / 32), within(1.0));
        // training FLOPs = per token x dataset tokens x epochs
        assertThat(ComputeEstimator.trainingFlops(full.model(), full.proposal()))
                .isCloseTo(ComputeEstimator.flopsPerToken(full.model(), full.proposal()) * 30e6, within(1e6));
    }

    @Test
    void mixtureOfExpertsCountsOnlyTheRoutedExperts() {
        ResolvedProposal r = proposal("\"model\":\"mixtral-8x7b\",\"method\":\"lora\"");
        double active = ComputeEstimator.activeParameters(r.model(), r.proposal());
        assertThat(active / 1e9).isBetween(12.0, 14.0); // Mixtral: 12.9B active of 46.7B
    }

    @Test
    void mfuDependsOnTheGpuClassTheMethodAndAnOverride() {
        ResolvedProposal lora = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\"");
        assertThat(ComputeEstimator.mfu(gpu("A100-80GB"), lora.proposal())).isEqualTo(ComputeEstimator.MFU_AMPERE);
        assertThat(ComputeEstimator.mfu(gpu("H100-80GB"), lora.proposal())).isEqualTo(ComputeEstimator.MFU_HOPPER);
        assertThat(ComputeEstimator.mfu(gpu("L40S"), lora.proposal())).isEqualTo(ComputeEstimator.MFU_ADA);
        assertThat(ComputeEstimator.mfu(gpu("V100-16GB"), lora.proposal())).isEqualTo(ComputeEstimator.MFU_NO_FLASH);
        assertThat(ComputeEstimator.mfu(gpu("T4"), lora.proposal())).isEqualTo(ComputeEstimator.MFU_NO_FLASH);
        ResolvedProposal qlora = proposal("\"model\":\"llama-2-7b\",\"method\":\"qlora\"");
        assertThat(ComputeEstimator.mfu(gpu("A100-80GB"), qlora.proposal()))
                .isCloseTo(ComputeEstimator.MFU_AMPERE * ComputeEstimator.QLORA_FACTOR, within(1e-12));
        ResolvedProposal override = proposal("\"model\":\"llama-2-7b\",\"method\":\"qlora\",\"training\":{\"mfu\":0.5}");
        assertThat(ComputeEstimator.mfu(gpu("T4"), override.proposal())).isEqualTo(0.5);
    }

    @Test
    void scalingLossDependsOnInterconnectZeroAndOffload() {
        assertThat(ComputeEstimator.scalingEfficiency(1, 1, "none", "none", 0, 0, false)).isEqualTo(1.0);
        double nvlink = ComputeEstimator.scalingEfficiency(8, 1, "nvlink", "efa", 400, 2, false);
        double pcie = ComputeEstimator.scalingEfficiency(8, 1, "pcie", "none", 0, 2, false);
        assertThat(nvlink).isGreaterThan(pcie);
        assertThat(ComputeEstimator.scalingEfficiency(8, 1, "nvlink", "efa", 400, 3, false)).isLessThan(nvlink);
        double rdma4 = ComputeEstimator.scalingEfficiency(8, 4, "nvlink", "efa", 400, 2, false);
        double tcp4 = ComputeEstimator.scalingEfficiency(8, 4, "nvlink", "none", 0, 2, false);
        assertThat(rdma4).isCloseTo(nvlink * 0.9 * 0.9, within(1e-12));
        assertThat(tcp4).isCloseTo(nvlink * 0.6 * 0.6, within(1e-12));
        // RDMA slower than 100 Gbps scales like TCP
        assertThat(ComputeEstimator.scalingEfficiency(8, 2, "nvlink", "efa", 40, 2, false))
                .isEqualTo(ComputeEstimator.scalingEfficiency(8, 2, "nvlink", "none", 0, 2, false));
        assertThat(ComputeEstimator.scalingEfficiency(8, 1, "nvlink", "efa", 400, 2, true)).isCloseTo(nvlink * 0.6, within(1e-12));
    }

    @Test
    void hoursDivideFlopsByGpusPeakMfuAndScalingPlusSetup() {
        GpuSpec a100 = gpu("A100-80GB");
        double flops = 312e12 * 0.4 * 3600 * 10; // ten hours on one A100 at 40%
        assertThat(ComputeEstimator.hours(flops, 1, a100, 0.4, 1.0)).isCloseTo(10 + ComputeEstimator.SETUP_HOURS, within(1e-9));
        assertThat(ComputeEstimator.hours(flops, 8, a100, 0.4, 0.8)).isCloseTo(10 / 6.4 + ComputeEstimator.SETUP_HOURS, within(1e-9));
    }
}

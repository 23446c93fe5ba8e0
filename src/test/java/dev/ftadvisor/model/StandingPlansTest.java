package dev.ftadvisor.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandingPlansTest {
    private static Candidate candidate(String provider, String pricing, int gpus, int nodes, double hours, double ramGb,
                                       double gpuMemoryGb, boolean bf16) {
        Configuration hardware = Configuration.builder().setKey(provider + "/" + gpus + "/" + nodes).setProvider(provider)
                .setGpuCount(gpus).setNodes(nodes).setRamGb(ramGb).setGpuMemoryGb(gpuMemoryGb).setBf16Supported(bf16).build();
        return Candidate.builder(hardware).setKey(hardware.getKey() + "/" + pricing).setPricing(pricing).setHours(hours).build();
    }

    @Test
    void aggregatesTheStandingCandidates() {
        StandingPlans plans = new StandingPlans(List.of(
                candidate("aws", "on-demand", 1, 1, 30, 64, 24, true),       // RAM 2.67x GPU memory
                candidate("gcp", "spot", 8, 2, 5, 1360, 80, true),           // multi-node: not single-node
                candidate("aws", "on-demand", 4, 1, 12.5, 192, 16, false),   // RAM 3x, no bf16
                candidate("lambda", "reserved", 8, 1, 4, 1800, 80, true)), 3);

        assertThat(plans.getCount()).isEqualTo(4);
        assertThat(plans.getAsProposed()).isEqualTo(3);
        assertThat(plans.getProviders()).containsExactly("aws", "gcp", "lambda");
        assertThat(plans.getPricings()).containsExactly("on-demand", "reserved", "spot");
        assertThat(plans.getMaxGpuCount()).isEqualTo(8);
        assertThat(plans.getMaxSingleNodeGpuCount()).isEqualTo(8);
        assertThat(plans.getShortestOnDemandHours()).isEqualTo(12.5);
        assertThat(plans.getRamToGpuMemoryRatios()).containsExactly(1360 / 640.0, 64 / 24.0, 1800 / 640.0, 3.0);
        assertThat(plans.isAnyWithoutBf16()).isTrue();
    }

    @Test
    void nothingStandingGivesEmptyAggregates() {
        StandingPlans none = new StandingPlans(List.of(), 0);
        assertThat(none.getCount()).isZero();
        assertThat(none.getProviders()).isEmpty();
        assertThat(none.getPricings()).isEmpty();
        assertThat(none.getMaxGpuCount()).isZero();
        assertThat(none.getShortestOnDemandHours()).isInfinite();
        assertThat(none.getRamToGpuMemoryRatios()).isEmpty();
        assertThat(none.isAnyWithoutBf16()).isFalse();
    }
}

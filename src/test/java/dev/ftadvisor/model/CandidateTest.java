package dev.ftadvisor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateTest {

    @Test
    void keysAreMadeFromTheValuesUnlessGiven() {
        Configuration hardware = Configuration.builder().setProvider("aws").setInstanceType("p4d.24xlarge")
                .setRegion("us-east-1").setNodes(2).build();
        Candidate spot = Candidate.builder(hardware).setPricing("spot").build();
        assertThat(hardware.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2");
        assertThat(spot.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2/spot");
        assertThat(spot.getConfigurationKey()).isSameAs(hardware.getKey());

        Configuration custom = Configuration.builder().setKey("custom").build();
        assertThat(custom.getKey()).isEqualTo("custom");
        assertThat(Candidate.builder(custom).setPricing("on-demand").build().getKey()).isEqualTo("custom/on-demand");
        assertThat(Candidate.builder(custom).setKey("mine").build().getKey()).isEqualTo("mine");
    }

    @Test
    void aCandidateReadsItsConfigurationsValuesThrough() {
        Configuration hardware = Configuration.builder().setGpu("A100-80GB").setGpuCount(8).setNodes(2)
                .setGpuMemoryGb(80).setMemoryPerGpuGb(61.5).build();
        Candidate c = Candidate.builder(hardware).build();
        assertThat(c.getGpu()).isEqualTo("A100-80GB");
        assertThat(c.getTotalGpus()).isEqualTo(16);
        assertThat(c.getTotalGpuMemoryGb()).isEqualTo(640);
        assertThat(c.isMultiNode()).isTrue();
        assertThat(c.getMemoryHeadroomGb()).isEqualTo(18.5);
    }

    @Test
    void whatTheRulesSeeCannotBeChangedOnceBuilt() {
        Configuration.Builder b = Configuration.builder().setProvider("aws");
        Configuration built = b.build();
        assertThatThrownBy(() -> b.setProvider("gcp")).isInstanceOf(IllegalStateException.class);
        assertThat(built.getProvider()).isEqualTo("aws");
        // no public mutator on the facts the rules match (and the values they reach)
        for (Class<?> fact : new Class<?>[]{Configuration.class, Candidate.class, Proposal.class, TrainingSettings.class,
                ChangeOption.class, Verdict.class, Estimate.class, StandingPlans.class, ShownPlans.class, RegionGroup.class,
                ModelClass.class, Thresholds.class, Finding.class, MemoryBreakdown.class}) {
            for (java.lang.reflect.Method m : fact.getMethods()) {
                assertThat(m.getName()).as(fact.getSimpleName() + "." + m.getName()).doesNotStartWith("set");
            }
        }
    }
}

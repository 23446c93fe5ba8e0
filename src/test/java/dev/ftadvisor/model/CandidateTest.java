package dev.ftadvisor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateTest {

    @Test
    void keysAreMadeFromTheCurrentValuesUnlessSet() {
        Configuration hardware = new Configuration();
        Candidate spot = new Candidate(hardware);
        spot.setPricing("spot");
        assertThat(spot.getKey()).isEqualTo("null/null/null/x0/spot");  // read before the values are known

        hardware.setProvider("aws");
        hardware.setInstanceType("p4d.24xlarge");
        hardware.setRegion("us-east-1");
        hardware.setNodes(2);
        assertThat(hardware.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2");
        assertThat(spot.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2/spot");
        assertThat(spot.getConfigurationKey()).isSameAs(hardware.getKey());

        spot.setPricing("on-demand");
        assertThat(spot.getKey()).isEqualTo("aws/p4d.24xlarge/us-east-1/x2/on-demand");
        hardware.setKey("custom");
        assertThat(hardware.getKey()).isEqualTo("custom");
        assertThat(spot.getKey()).isEqualTo("custom/on-demand");
        spot.setKey("mine");
        assertThat(spot.getKey()).isEqualTo("mine");
    }

    @Test
    void aCandidateReadsItsConfigurationsValuesThrough() {
        Configuration hardware = new Configuration();
        hardware.setGpu("A100-80GB");
        hardware.setGpuCount(8);
        hardware.setNodes(2);
        hardware.setGpuMemoryGb(80);
        hardware.setMemoryPerGpuGb(61.5);
        Candidate c = new Candidate(hardware);
        assertThat(c.getGpu()).isEqualTo("A100-80GB");
        assertThat(c.getTotalGpus()).isEqualTo(16);
        assertThat(c.getTotalGpuMemoryGb()).isEqualTo(640);
        assertThat(c.isMultiNode()).isTrue();
        assertThat(c.getMemoryHeadroomGb()).isEqualTo(18.5);
    }
}

package dev.ftadvisor.estimate;

import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.VolumeSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ftadvisor.estimate.MemoryEstimatorTest.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StorageEstimatorTest {
    static VolumeSpec volume(String provider, String name, String kind, double usdPerGbMonth) {
        VolumeSpec v = new VolumeSpec();
        v.provider = provider;
        v.name = name;
        v.kind = kind;
        v.usdPerGbMonth = usdPerGbMonth;
        return v;
    }

    @Test
    void volumeHoldsEnvironmentWeightsCheckpointsAndData() {
        ResolvedProposal lora = proposal("\"model\":\"llama-2-7b\",\"method\":\"lora\"");
        double weights = 2 * 6.738e9;
        double adapterCheckpoint = 4_194_304 * 12.0;
        assertThat(StorageEstimator.volumeGb(lora.model(), lora.proposal()))
                .isCloseTo(50 + (weights + 3 * adapterCheckpoint + 10e6 * 8) / 1e9, within(1e-6));
        // a resumable full checkpoint carries the weights and fp32 optimizer states: far bigger
        ResolvedProposal full = proposal("\"model\":\"llama-2-7b\",\"method\":\"full\"");
        assertThat(StorageEstimator.volumeGb(full.model(), full.proposal())).isGreaterThan(300);
    }

    @Test
    void volumeCostIsProratedFromTheMonthlyPrice() {
        VolumeSpec gp3 = volume("aws", "gp3", "block", 0.08);
        assertThat(StorageEstimator.cost(500, gp3, 73)).isCloseTo(500 * 0.08 * 0.1, within(1e-9));
        assertThat(StorageEstimator.cost(500, null, 73)).isZero();
    }

    @Test
    void defaultVolumeIsTheProvidersCheapestBlockOrFilesystemVolume() {
        List<VolumeSpec> vs = List.of(volume("aws", "io2", "block", 0.125), volume("aws", "gp3", "block", 0.08),
                volume("aws", "s3", "object", 0.023), volume("gcp", "pd-standard", "block", 0.04));
        assertThat(StorageEstimator.defaultVolume(vs, "aws")).get().extracting(v -> v.name).isEqualTo("gp3");
        assertThat(StorageEstimator.defaultVolume(vs, "lambda")).isEmpty();
    }
}

package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsInstancesFilteredByProviderGpuAndPrice() throws Exception {
        RulesCommandTest.Run r = RulesCommandTest.run("catalog", "list", "--provider", "aws", "--gpu", "A100-80GB", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rows = JSON.readTree(r.out());
        assertThat(rows.size()).isPositive();
        for (JsonNode row : rows) {
            assertThat(row.path("provider").asText()).isEqualTo("aws");
            assertThat(row.path("gpu").asText()).isEqualTo("A100-80GB");
            assertThat(row.path("source").asText()).isNotBlank();
        }
        RulesCommandTest.Run cheap = RulesCommandTest.run("catalog", "list", "--max-usd-hour", "1", "--region", "us");
        assertThat(cheap.exit()).as(cheap.err()).isZero();
        assertThat(cheap.out()).contains("instance types (of").doesNotContain("p4d.24xlarge");
    }

    @Test
    void listsGpusAndModels() {
        RulesCommandTest.Run gpus = RulesCommandTest.run("catalog", "list", "gpus", "--min-gpu-memory", "80");
        assertThat(gpus.exit()).as(gpus.err()).isZero();
        assertThat(gpus.out()).contains("H100-80GB").doesNotContain("RTX-4090");
        RulesCommandTest.Run models = RulesCommandTest.run("catalog", "list", "models");
        assertThat(models.out()).contains("llama-3-70b").contains("chatglm3-6b");
    }

    @Test
    void badArgumentsExit2NamingWhatWasExpected() {
        RulesCommandTest.Run gpu = RulesCommandTest.run("catalog", "list", "--gpu", "Z100");
        assertThat(gpu.exit()).isEqualTo(2);
        assertThat(gpu.err()).contains("--gpu: unknown GPU 'Z100'");
        RulesCommandTest.Run which = RulesCommandTest.run("catalog", "list", "tpus");
        assertThat(which.exit()).isEqualTo(2);
        assertThat(which.err()).contains("expected instances, gpus or models");
    }
}

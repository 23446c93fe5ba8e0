package dev.ftadvisor.facts;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTest {
    @Test
    void projectCatalogLoadsAndCoversTheGuidesInstances() {
        Catalog c = TestSupport.catalog();
        assertThat(c.gpus()).extracting(g -> g.id).contains("A100-40GB", "A100-80GB", "H100-80GB", "V100-16GB",
                "V100-32GB", "A10", "L4", "L40S", "RTX-A6000", "RTX-3090", "RTX-4090");
        assertThat(c.instances()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(c.instances()).extracting(i -> i.instanceType).contains("p4d.24xlarge", "p5.48xlarge",
                "a2-highgpu-1g", "a2-megagpu-16g", "Standard_ND96asr_v4", "Standard_ND96amsr_A100_v4");
        assertThat(c.instances()).extracting(i -> i.provider).contains("aws", "gcp", "azure", "aliyun", "lambda");
        assertThat(c.instances()).allSatisfy(i -> {
            assertThat(i.source).isNotBlank();
            assertThat(i.asOf).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        for (String m : new String[]{"llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3-8b", "llama-3-70b", "mistral-7b",
                "mixtral-8x7b", "chatglm3-6b", "qwen2.5-7b", "qwen2.5-14b", "qwen2.5-32b", "qwen2.5-72b"}) {
            assertThat(c.model(m)).as(m).isPresent();
        }
    }

    @Test
    void schemaViolationNamesFileAndEntry(@TempDir Path dir) throws IOException {
        copyFacts(dir);
        Path gpus = dir.resolve("gpus.json");
        String text = Files.readString(gpus).replaceFirst("\"memoryGb\":\\s*40", "\"memoryGb\": \"forty\"");
        Files.writeString(gpus, text);
        assertThatThrownBy(() -> new CatalogLoader(ResourceFolder.ofDirectory(dir)).load())
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("gpus.json")
                .hasMessageContaining("A100-40GB")
                .hasMessageContaining("memoryGb");
    }

    @Test
    void unknownGpuInAnInstanceIsNamed(@TempDir Path dir) throws IOException {
        copyFacts(dir);
        Path inst = dir.resolve("instances.json");
        Files.writeString(inst, Files.readString(inst).replaceFirst("\"gpu\":\\s*\"[^\"]+\"", "\"gpu\": \"Z100\""));
        assertThatThrownBy(() -> new CatalogLoader(ResourceFolder.ofDirectory(dir)).load())
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("instances.json")
                .hasMessageContaining("Z100");
    }

    @Test
    void invalidJsonGivesTheLine(@TempDir Path dir) throws IOException {
        copyFacts(dir);
        Files.writeString(dir.resolve("models.json"), "{\n  \"models\": [\n  oops\n]}");
        assertThatThrownBy(() -> new CatalogLoader(ResourceFolder.ofDirectory(dir)).load())
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("models.json:3");
    }

    static void copyFacts(Path dir) throws IOException {
        Path src = TestSupport.FACTS;
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}

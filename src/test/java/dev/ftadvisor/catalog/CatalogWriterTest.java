package dev.ftadvisor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.facts.CatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogWriterTest {
    @Test
    void writesTheCatalogInItsOwnLayout() throws IOException {
        String text = Files.readString(Path.of("facts/instances.json"));
        // the same text, except that \\uXXXX escapes some rows carry are written as the characters they stand for
        String unescaped = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        assertThat(CatalogWriter.text(new ObjectMapper().readTree(text))).isEqualTo(unescaped);
    }

    @Test
    void aCatalogThatFailsItsSchemaIsNotWritten(@TempDir Path facts) throws IOException {
        dev.ftadvisor.cli.CatalogUpdateCommandTestSupport.copyFacts(facts);
        String bad = Files.readString(facts.resolve("instances.json")).replaceFirst("\"regionGroup\": \"us\"", "\"regionGroup\": \"mars\"");
        assertThatThrownBy(() -> CatalogWriter.check(facts, bad)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("the updated catalog fails its checks, nothing written")
                .hasMessageContaining("instances.json");
    }

    @Test
    void writeKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("instances.json");
        Files.writeString(file, "old");
        Path backup = CatalogWriter.write(file, "new", "2026-12-02");
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(backup.getFileName().toString()).isEqualTo("instances.json.2026-12-02.bak");
        assertThat(Files.readString(backup)).isEqualTo("old");
        Path second = CatalogWriter.write(file, "newer", "2026-12-02");
        assertThat(second.getFileName().toString()).isEqualTo("instances.json.2026-12-02-2.bak");
        assertThat(Files.readString(backup)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("instances.json",
                    "instances.json.2026-12-02.bak", "instances.json.2026-12-02-2.bak");
        }
    }
}

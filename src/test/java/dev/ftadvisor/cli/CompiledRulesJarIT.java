package dev.ftadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar's precompiled rules and its disk cache, end to end. */
class CompiledRulesJarIT {
    private static final String[] CONSULT = {"consult", "--format", "json", "--explain",
            "--model", "llama-3-8b", "--method", "lora", "--tokens", "20M", "--budget", "500"};

    @Test
    void bundledRulesLoadPrecompiledAndAnswerAsACompilationDoes(@TempDir Path dir) throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("empty")); // no ./rules: the bundled ones
        Path cache = dir.resolve("cache");
        JarRunner.Result precompiled = JarRunner.runWithCache(cache, cwd, null, CONSULT);
        assertThat(precompiled.exit()).as(precompiled.err()).isZero();
        assertThat(entries(cache)).as("the bundled rules need no cache entry").isEmpty();
        JarRunner.Result compiled = JarRunner.runWithCache(cache, cwd, null, with(CONSULT, "--no-cache"));
        assertThat(compiled.exit()).as(compiled.err()).isZero();
        assertThat(precompiled.out()).isEqualTo(compiled.out());
        assertThat(entries(cache)).isEmpty();
    }

    @Test
    void anEditedFolderIsCompiledOnceCachedAndADamagedEntryRebuilt(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith("thresholds.yaml")).toList()) {
                String comment = p.toString().endsWith(".yaml") ? "# edited by " : "// edited by ";
                Files.writeString(rules.resolve(p.getFileName()), Files.readString(p) + "\n" + comment + getClass().getSimpleName() + "\n");
            }
        }
        Path cache = dir.resolve("cache");
        String[] args = with(CONSULT, "--rules", rules.toString());
        JarRunner.Result first = JarRunner.runWithCache(cache, dir, null, args);
        assertThat(first.exit()).as(first.err()).isZero();
        List<Path> entries = entries(cache);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).toString()).contains("ftadvisor");

        JarRunner.Result second = JarRunner.runWithCache(cache, dir, null, args);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).doesNotContain("unusable");

        byte[] bytes = Files.readAllBytes(entries.get(0));
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entries.get(0), bytes);
        JarRunner.Result damaged = JarRunner.runWithCache(cache, dir, null, args);
        assertThat(damaged.exit()).as(damaged.err()).isZero();
        assertThat(damaged.err()).contains("unusable").contains("checksum mismatch");
        assertThat(damaged.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(entries.get(0))).isNotEqualTo(bytes);
    }

    private static List<Path> entries(Path cache) throws IOException {
        if (!Files.exists(cache)) return List.of();
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.toString().endsWith(".kb")).toList();
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}

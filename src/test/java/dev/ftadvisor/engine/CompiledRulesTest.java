package dev.ftadvisor.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.audit.Scenario;
import dev.ftadvisor.audit.ScenarioFile;
import dev.ftadvisor.cli.Main;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.report.JsonRenderer;
import dev.ftadvisor.report.ReportBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Precompiled, disk-cached and freshly compiled rules must be interchangeable, and a bad cache entry never used. */
class CompiledRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ResourceFolder rules = ResourceFolder.ofDirectory(TestSupport.RULES);
    private final String version = RulesVersion.of(rules);

    @Test
    void precompiledCachedAndFreshRulesGiveTheSameReportOnEveryScenario(@TempDir Path dir) throws Exception {
        RuleSet fresh = RuleCompiler.compile(rules, version);
        // the jar's path: compiled, serialized, read back and loaded from the kjar bytes
        RuleSet precompiled = RuleCompiler.fromCompiled(
                CompiledRules.fromBytes(RuleCompiler.compileModule(rules, version).toBytes()), rules);
        KnowledgeBaseCache cache = new KnowledgeBaseCache(dir, EngineVersion.current());
        RuleCompiler.reuseOrCompile(rules, version, cache);
        assertThat(cache.entry(version)).isRegularFile();
        RuleSet cached = RuleCompiler.reuseOrCompile(rules, version, cache);
        assertThat(cache.hits()).isEqualTo(1);

        List<Scenario> scenarios = ScenarioFile.loadAll(rules);
        assertThat(scenarios).isNotEmpty();
        for (Scenario s : scenarios) {
            String expected = report(fresh, s);
            assertThat(report(precompiled, s)).as("precompiled rules on %s %s", s.location, s.name).isEqualTo(expected);
            assertThat(report(cached, s)).as("disk-cached rules on %s %s", s.location, s.name).isEqualTo(expected);
        }
        assertThat(precompiled.index().rules()).isEqualTo(fresh.index().rules());
        assertThat(cached.rulesVersion()).isEqualTo(fresh.rulesVersion());
    }

    @Test
    void aDamagedEntryIsDetectedAndRebuilt(@TempDir Path dir) throws IOException {
        KnowledgeBaseCache cache = new KnowledgeBaseCache(dir, EngineVersion.current());
        RuleCompiler.reuseOrCompile(rules, version, cache);
        Path entry = cache.entry(version);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        Files.write(entry, flipped);
        assertThatThrownBy(() -> CompiledRules.fromBytes(flipped)).isInstanceOf(CompiledRules.CorruptEntryException.class);
        RuleSet rebuilt = RuleCompiler.reuseOrCompile(rules, version, cache);
        assertThat(cache.discarded()).isEqualTo(1);
        assertThat(rebuilt.index().rules()).isNotEmpty();
        assertThat(CompiledRules.fromBytes(Files.readAllBytes(entry)).rulesVersion()).isEqualTo(version);

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3));
        RuleCompiler.reuseOrCompile(rules, version, cache);
        assertThat(cache.discarded()).isEqualTo(2);
        assertThat(CompiledRules.fromBytes(Files.readAllBytes(entry)).rulesVersion()).isEqualTo(version);
    }

    @Test
    void anEntryForOtherRulesOrAnotherEngineIsNotTrusted(@TempDir Path dir) throws IOException {
        KnowledgeBaseCache cache = new KnowledgeBaseCache(dir, EngineVersion.current());
        CompiledRules real = RuleCompiler.compileModule(rules, version);
        CompiledRules otherEngine = new CompiledRules("0.0.1-other", version, real.rules(), real.kjar());
        Files.createDirectories(cache.entry(version).getParent());
        Files.write(cache.entry(version), otherEngine.toBytes());
        assertThat(cache.get(version)).isEmpty();
        assertThat(cache.discarded()).isEqualTo(1);

        CompiledRules otherRules = new CompiledRules(EngineVersion.current(), "sha256:0000000000000000", real.rules(), real.kjar());
        Files.write(cache.entry(version), otherRules.toBytes());
        assertThat(cache.get(version)).isEmpty();
        assertThat(cache.discarded()).isEqualTo(2);
        assertThat(cache.entry(version)).doesNotExist();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsSpeed(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where the cache folder should be");
        KnowledgeBaseCache cache = new KnowledgeBaseCache(notADirectory, EngineVersion.current());
        RuleSet rules = RuleCompiler.reuseOrCompile(this.rules, version, cache);
        assertThat(rules.index().rules()).isNotEmpty();
        assertThat(cache.get(version)).isEmpty();
        assertThat(notADirectory).isRegularFile();
    }

    @Test
    void noCacheNeitherReadsNorWritesTheCache(@TempDir Path dir) throws IOException {
        Path edited = dir.resolve("rules");
        Files.createDirectories(edited);
        for (String f : rules.list(".drl")) {
            Files.writeString(edited.resolve(f), rules.read(f) + "\n// edited " + getClass().getSimpleName() + "\n");
        }
        Files.writeString(edited.resolve(dev.ftadvisor.engine.ThresholdsFile.FILE), rules.read(dev.ftadvisor.engine.ThresholdsFile.FILE));
        Path cacheDir = dir.resolve("cache");
        String previous = System.getProperty(KnowledgeBaseCache.DIR_PROPERTY);
        System.setProperty(KnowledgeBaseCache.DIR_PROPERTY, cacheDir.toString());
        try {
            String[] consult = {"consult", "--rules", edited.toString(), "--format", "json",
                    "--model", "llama-3-8b", "--method", "lora", "--tokens", "20M", "--budget", "500"};
            String withoutCache = run(withFlag(consult, "--no-cache"));
            assertThat(cacheDir).doesNotExist();
            String withCache = run(consult);
            try (Stream<Path> s = Files.walk(cacheDir)) {
                assertThat(s.filter(p -> p.toString().endsWith(".kb")).count()).isEqualTo(1);
            }
            assertThat(withCache).isEqualTo(withoutCache);
        } finally {
            if (previous == null) System.clearProperty(KnowledgeBaseCache.DIR_PROPERTY);
            else System.setProperty(KnowledgeBaseCache.DIR_PROPERTY, previous);
        }
    }

    private static String[] withFlag(String[] args, String flag) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = flag;
        return out;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    /** The full JSON report (with trace) a rule set gives for a scenario, or its input error. */
    private static String report(RuleSet rules, Scenario s) throws Exception {
        Advisor advisor = new Advisor(rules, TestSupport.catalog());
        ResolvedProposal resolved;
        try {
            resolved = new ProposalResolver(advisor.catalog())
                    .resolve(ProposalReader.read(JSON.writeValueAsString(s.proposal), false), "scenario");
        } catch (InputException e) {
            return "input error: " + e.getMessage();
        }
        Outcome outcome = advisor.consult(resolved, true);
        return new JsonRenderer(true).render(ReportBuilder.build(outcome, advisor.catalog().asOf(), true));
    }
}

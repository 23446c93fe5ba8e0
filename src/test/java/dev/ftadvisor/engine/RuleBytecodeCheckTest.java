package dev.ftadvisor.engine;

import dev.ftadvisor.HostileRules;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The bytecode check on its own (no text lint before it): the project's rules pass it (this is the
 * build-time check that lets the bundled rules skip it at run time), and every hostile folder is
 * refused by it, naming the reference and the rule's file:line, with no payload run.
 */
class RuleBytecodeCheckTest {
    @TempDir Path tmp;

    @Test
    void theProjectsRulesPassAndEveryGeneratedLambdaIsTracedToItsRule() {
        ResourceFolder folder = ResourceFolder.ofDirectory(TestSupport.RULES);
        CompiledRules compiled = RuleCompiler.compileModule(folder, RulesVersion.of(folder));
        Map<String, byte[]> classes = RuleBytecodeCheck.classesOfJar(compiled.kjar());
        RuleBytecodeCheck.Result result = RuleBytecodeCheck.check(classes, compiled.rules().stream().map(RuleInfo::name).toList());
        assertThat(result.violations()).isEmpty();
        List<String> consequences = classes.keySet().stream().filter(c -> c.contains("/LambdaConsequence")).toList();
        assertThat(consequences).isNotEmpty();
        assertThat(consequences).allSatisfy(c -> assertThat(result.classToRule()).containsKey(c));
    }

    static List<String> hostile() {
        return HostileRules.hostileCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileFolderIsRefusedByTheBytecodeCheckWithoutRunningIt(String name) {
        Path dir = HostileRules.HOSTILE.resolve(name);
        Path marker = HostileRules.marker(name);
        ResourceFolder folder = ResourceFolder.ofDirectory(dir);
        RulesCompileException e = catchThrowableOfType(() -> RuleCompiler.load(folder, (KnowledgeBaseCache) null),
                RulesCompileException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).contains(HostileRules.header(dir, "expect")).doesNotContain("\tat ");
        if (HostileRules.hasHeader(dir, "refused-by")) {
            // refused before any bytecode exists: the call does not compile at all
            assertThat(e.getMessage()).contains("not visible");
            assertThat(marker).doesNotExist();
            return;
        }
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("hostile.drl");
            assertThat(p.line()).isGreaterThan(1);
        });
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCachedEntryIsCheckedBeforeItLoadsAndIsDiscardedWhenRefused() throws Exception {
        Path dir = HostileRules.HOSTILE.resolve("java-io-file");
        Path marker = HostileRules.marker("java-io-file");
        ResourceFolder folder = ResourceFolder.ofDirectory(dir);
        String version = RulesVersion.of(folder);
        CompiledRules tampered = RuleCompiler.compileModuleUnchecked(folder, version);
        assertThatThrownBy(() -> RuleCompiler.fromCompiled(tampered, folder))
                .isInstanceOf(RulesCompileException.class).hasMessageContaining("java.io.File");

        KnowledgeBaseCache cache = new KnowledgeBaseCache(tmp, EngineVersion.current());
        cache.put(tampered);
        assertThat(cache.entry(version)).exists();
        assertThatThrownBy(() -> RuleCompiler.reuseOrCompile(folder, version, cache))
                .isInstanceOf(RulesCompileException.class).hasMessageContaining("hostile.drl:").hasMessageContaining("java.io.File");
        assertThat(cache.entry(version)).doesNotExist();
        assertThat(cache.discarded()).isEqualTo(1);
        assertThat(marker).doesNotExist();
        assertThat(Files.exists(marker)).isFalse();
    }
}

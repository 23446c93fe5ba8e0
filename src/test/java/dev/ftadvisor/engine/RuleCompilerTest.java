package dev.ftadvisor.engine;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCompilerTest {
    @Test
    void syntaxErrorIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), """
                package ftadvisor.rules;
                import dev.ftadvisor.model.Candidate;
                global dev.ftadvisor.engine.RuleOutput out;
                rule "broken"
                when
                    $c : Candidate( memoryPerGpuGb >> )
                then
                end
                """);
        assertThatThrownBy(() -> RuleCompiler.load(ResourceFolder.ofDirectory(dir)))
                .isInstanceOf(RulesCompileException.class)
                .hasMessageStartingWith("broken.drl:6:");
    }

    @Test
    void typeErrorInAConsequenceIsReportedWithTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("typo.drl"), """
                package ftadvisor.rules;
                import dev.ftadvisor.model.Candidate;
                global dev.ftadvisor.engine.RuleOutput out;
                rule "typo"
                    @id("x.typo")
                when
                    $c : Candidate( gpuMemoryGbb > 3 )
                then
                    out.note(drools, "x");
                end
                """);
        assertThatThrownBy(() -> RuleCompiler.load(ResourceFolder.ofDirectory(dir)))
                .isInstanceOf(RulesCompileException.class)
                .hasMessageContaining("typo.drl");
    }

    @Test
    void findingsCarryRuleIdFileLineSourcesAndMatchedFacts() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-3-8b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"1M\"}}"), true);
        Finding fit = o.findings().stream().filter(f -> f.getId().equals("memory.fit")).findFirst().orElseThrow();
        assertThat(fit.getRuleFile()).isEqualTo("memory.drl");
        assertThat(fit.getRuleLine()).isPositive();
        assertThat(fit.getSources()).containsExactly("vram.oom");
        assertThat(fit.getSeverity()).isEqualTo("blocker");
        assertThat(fit.getTopic()).isEqualTo("memory");
        assertThat(fit.getFacts()).containsKeys("configuration", "memoryPerGpuGb", "gpuMemoryGb");
        assertThat(o.trace()).isNotEmpty();
        assertThat(o.trace().get(0).location()).contains(".drl:");
        assertThat(o.rulesVersion()).startsWith("sha256:");
    }

    @Test
    void aRuleThatThrowsAtRunTimeIsNamedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("boom.drl"), """
                package ftadvisor.rules;
                import dev.ftadvisor.model.Proposal;
                global dev.ftadvisor.engine.RuleOutput out;

                rule "explodes"
                    @id("x.boom")
                when
                    Proposal()
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Advisor advisor = new Advisor(RuleCompiler.load(ResourceFolder.ofDirectory(dir)), TestSupport.catalog());
        assertThatThrownBy(() -> advisor.consult(TestSupport.proposal("{\"model\":\"mistral-7b\"}"), false))
                .isInstanceOf(RulesCompileException.class)
                .hasMessageStartingWith("boom.drl:5:1: rule 'explodes' (x.boom) failed");
    }

    @Test
    void rulesVersionChangesWithAnyEdit(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), "package x;\n");
        String v1 = RulesVersion.of(ResourceFolder.ofDirectory(dir));
        Files.writeString(dir.resolve("a.drl"), "package x;\n// edited\n");
        assertThat(RulesVersion.of(ResourceFolder.ofDirectory(dir))).isNotEqualTo(v1);
    }
}

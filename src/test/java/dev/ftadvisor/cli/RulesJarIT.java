package dev.ftadvisor.cli;

import dev.ftadvisor.audit.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor with only the jar: check and test a rules folder they edited, no build needed. */
class RulesJarIT {
    @TempDir Path tmp;

    @Test
    void theJarRefusesAFolderWhoseConsequenceWritesFiles() throws Exception {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "cpu-ram.drl", "then\n", "then\n    new java.io.FileOutputStream(\"/tmp/owned\");\n");
        int line = RulesCopy.lineOf(rules, "cpu-ram.drl", "java.io.FileOutputStream");
        JarRunner.Result r = JarRunner.run(tmp, null, "rules", "check", rules.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(r.err()).contains("cpu-ram.drl:" + line + ":9: ").contains("java.io").doesNotContain("Exception");
        // consult with that folder refuses it too, before any rule runs
        JarRunner.Result consult = JarRunner.run(tmp, null, "consult", "--rules", rules.toString(),
                "--model", "llama-3-8b", "--method", "lora", "--tokens", "1M");
        assertThat(consult.exit()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(consult.err()).contains("cpu-ram.drl:" + line);
    }

    @Test
    void theJarRunsTheBundledScenarios() throws Exception {
        JarRunner.Result r = JarRunner.run(tmp, null, "rules", "test");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("0 failed").contains("rulesVersion sha256:");
    }
}

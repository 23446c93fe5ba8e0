package dev.ftadvisor.cli;

import dev.ftadvisor.HostileRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile rules corpus through the CLI, in process: {@code rules check} and {@code consult --rules}
 * refuse every folder with exit 3 and a message (no stack trace), and no payload leaves its mark, not
 * even while checking ({@code rules list} reads the text only). The looping corpus: a consultation that
 * does not end is stopped within its time limit, exit 3, one line naming the rule.
 */
class HostileRulesCommandTest {
    static List<String> hostile() {
        return HostileRules.hostileCases();
    }

    static List<String> looping() {
        return HostileRules.loopingCases();
    }

    private static void refusedWithoutTrace(RulesCommandTest.Run r, String what) {
        assertThat(r.exit()).as(what + ": " + r.err()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("internal error").isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void checkAndConsultRefuseTheFolderAndNothingRuns(String name) {
        Path dir = HostileRules.HOSTILE.resolve(name);
        Path marker = HostileRules.marker(name);

        RulesCommandTest.Run list = RulesCommandTest.run("rules", "list", dir.toString());
        assertThat(list.err()).doesNotContain("\tat ");
        RulesCommandTest.Run check = RulesCommandTest.run("rules", "check", dir.toString());
        refusedWithoutTrace(check, "rules check");
        RulesCommandTest.Run consult = RulesCommandTest.run("consult", "--model", "llama-3-8b", "--rules", dir.toString(), "--no-cache");
        refusedWithoutTrace(consult, "consult --rules");
        assertThat(marker).as("the payload ran").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looping")
    void aConsultationThatDoesNotEndIsStoppedWithinItsLimitNamingTheRule(String name) {
        Path dir = HostileRules.LOOPING.resolve(name);
        String rule = HostileRules.header(dir, "names");
        // nothing in these rules reaches outside the engine: the check passes, running them is what fails
        RulesCommandTest.Run check = RulesCommandTest.run("rules", "check", dir.toString());
        assertThat(check.err()).doesNotContain("reaches outside the engine");

        long start = System.nanoTime();
        RulesCommandTest.Run r = RulesCommandTest.run("consult", "--model", "llama-3-70b", "--rules", dir.toString(),
                "--rule-timeout", "2", "--max-firings", "50000");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        refusedWithoutTrace(r, "consult");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("looping.drl:").contains("'" + rule + "'").contains("stopped");
        // compiling the folder takes a few seconds of it
        assertThat(seconds).isLessThan(25);
    }

    @Test
    void aRuleThatLoopsOnOneProposalLeavesTheOthersAlone() {
        Path dir = HostileRules.LOOPING.resolve("while-true");
        RulesCommandTest.Run ok = RulesCommandTest.run("consult", "--model", "llama-3-8b", "--rules", dir.toString(),
                "--rule-timeout", "2", "--format", "json");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("harmless");
    }
}

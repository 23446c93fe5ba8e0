package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.audit.RulesCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code rules} verbs and {@code consult --why-not/--explain}, in process, on rules/ and on edited copies. */
class RulesCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listFiltersAndCarriesTheRulesVersion() throws Exception {
        Run r = run("rules", "list", "--topic", "memory", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.path("rulesVersion").asText()).startsWith("sha256:");
        assertThat(json.path("rules").size()).isPositive();
        json.path("rules").forEach(rule -> {
            assertThat(rule.path("topic").asText()).isEqualTo("memory");
            assertThat(rule.path("file").asText()).endsWith(".drl");
            assertThat(rule.path("line").asInt()).isPositive();
        });
        Run text = run("rules", "list", "--source", "vram.oom", "--severity", "blocker");
        assertThat(text.out()).contains("memory.fit").contains("memory.drl:").doesNotContain("memory.headroom");
    }

    @Test
    void checkPassesTheProjectsRulesAndRefusesSystemExitWithFileAndLine() {
        Run ok = run("rules", "check", "rules");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("OK").contains("sha256:");

        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "budget.drl", "then\n", "then\n    System.exit(0);\n");
        int line = RulesCopy.lineOf(rules, "budget.drl", "System.exit");
        Run bad = run("rules", "check", rules.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(bad.err()).contains("budget.drl:" + line + ":5: ").contains("reaches outside the engine");
    }

    @Test
    void checkReportsCompileErrorsOfABrokenFolderAsFileLineCol() throws Exception {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "pricing.drl", "$c : Candidate(", "$c : Candidat(");
        Run r = run("rules", "check", rules.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.RULES_BROKEN);
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.path("ok").asBoolean()).isFalse();
        assertThat(json.path("problems").get(0).path("file").asText()).isEqualTo("pricing.drl");
        assertThat(json.path("problems").get(0).path("line").asInt()).isPositive();
    }

    @Test
    void testRunsTheScenariosAndShowsTheDifferenceOfAFailingOne() throws Exception {
        Run ok = run("rules", "test");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("PASS ").contains("0 failed");

        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "tests/memory.yaml", "messageContains: \"A10G has 24.0 GB\"", "messageContains: \"A10G has 48.0 GB\"");
        Run failing = run("rules", "test", rules.toString());
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.out()).contains("FAIL tests/memory.yaml:").contains("containing 'A10G has 48.0 GB'")
                .contains("A10G has 24.0 GB").contains("1 failed");

        Files.writeString(rules.resolve("tests/memory.yaml"), "scenarios:\n  - name: [unclosed\n");
        Run broken = run("rules", "test", rules.toString());
        assertThat(broken.exit()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(broken.err()).contains("tests/memory.yaml:");
    }

    @Test
    void coverageListsUncoveredIdsHonoursExclusionsAndFailsUnderAThreshold() throws Exception {
        Run r = run("rules", "coverage", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.path("rulesVersion").asText()).startsWith("sha256:");
        assertThat(json.path("guidance").path("vram.oom").toString()).contains("memory.fit");
        assertThat(json.path("rules").path("memory.fit").size()).isPositive();
        // the project's rules cover every guidance id, cost.autoscale by a justified exclusion
        assertThat(json.path("uncoveredIds").size()).isZero();
        assertThat(json.path("excludedIds").has("cost.autoscale")).isTrue();
        assertThat(run("rules", "coverage", "--fail-under", "100").exit()).isZero();

        // an auditor's copy that drops the exclusion table: the id is uncovered and the threshold fails
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("README.md"), "# Rules\n\nNo exclusions.\n");
        Run copy = run("rules", "coverage", rules.toString(), "--format", "json");
        JsonNode cj = JSON.readTree(copy.out());
        assertThat(cj.path("uncoveredIds").toString()).contains("\"cost.autoscale\"");
        assertThat(cj.path("excludedIds").has("cost.autoscale")).isFalse();

        Run under = run("rules", "coverage", rules.toString(), "--fail-under", "100");
        assertThat(under.exit()).isEqualTo(1);
        assertThat(under.err()).contains("coverage below 100.0%");
        assertThat(run("rules", "coverage", rules.toString(), "--fail-under", "0").exit()).isZero();
    }

    @Test
    void diffShowsAThresholdChangeAndTheProposalsItAffects() throws Exception {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "thresholds.yaml", "value: 0.10\n    unit: fraction\n    why: \"allocator", "value: 0.20\n    unit: fraction\n    why: \"allocator");
        Run r = run("rules", "diff", "rules", rules.toString(), "--proposals", "facts/proposals");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("changed  memory.headroom").contains("thresholds: memory.headroom 10% -> 20% (thresholds.yaml)")
                .contains("less than 20% of the GPU's memory")
                .contains("llama3-8b-lora.json").contains("memory.headroom: +");

        Run json = run("rules", "diff", "rules", rules.toString(), "--proposals", "facts/proposals", "--format", "json");
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.path("oldRulesVersion").asText()).isNotEqualTo(j.path("newRulesVersion").asText());
        assertThat(j.path("proposalsChanged").asInt()).isPositive();
        assertThat(j.path("proposals").get(0).path("findingsAdded").get(0).asText()).startsWith("memory.headroom @ ");

        Run same = run("rules", "diff", "rules", "rules");
        assertThat(same.out()).contains("no rule added, removed or changed");
    }

    @Test
    void whyNotNamesTheFindingsAgainstAnInstanceWithTheirNumbers() {
        Run r = run("consult", "facts/proposals/llama3-8b-lora.json", "--why-not", "g5.xlarge");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Why not g5.xlarge").contains("aws/g5.xlarge/").contains("GB per GPU")
                .contains(".drl:").contains("rulesVersion sha256:");

        Run unknown = run("consult", "facts/proposals/llama3-8b-lora.json", "--why-not", "g5.xlarg");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("--why-not").contains("g5.xlarge");
    }

    @Test
    void whyNotShowsTheRejectionOfACardThatIsTooSmall() {
        Run r = run("consult", "--model", "llama-3-8b", "--method", "full", "--tokens", "10M", "--why-not", "g5.xlarge");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("REJECTED").contains("[reject] memory.fit").contains("A10G has 24.0 GB");
        Run json = run("consult", "--model", "llama-3-8b", "--method", "full", "--tokens", "10M", "--why-not", "g5.xlarge",
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"standing\" : \"REJECTED\"").contains("\"effect\" : \"reject\"")
                .contains("\"rulesVersion\" : \"sha256:");
    }

    @Test
    void explainShowsTheTraceAndWhatJavaDerived() throws Exception {
        Run r = run("consult", "facts/proposals/llama3-8b-lora.json", "--explain", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("trace").size()).isPositive();
        assertThat(j.path("derived").path("estimate").path("memoryGb").asText()).contains("weights");
        assertThat(j.path("derived").path("candidates").get(0).asText()).contains("costUsd").contains("billed h");
        Run text = run("consult", "facts/proposals/llama3-8b-lora.json", "--explain");
        assertThat(text.out()).contains("Trace").contains("Derived by Java");
    }

    @Test
    void testRunsOnlyTheScenariosMatchingRun() throws Exception {
        Run r = run("rules", "test", "--run", "classes\\.yaml", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.path("scenarios").size()).isPositive();
        json.path("scenarios").forEach(sc -> assertThat(sc.path("location").asText()).startsWith("tests/classes.yaml:"));
        Run none = run("rules", "test", "--run", "no such scenario");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--run: no scenario name or location matches 'no such scenario'");
    }

    @Test
    void mutateListsTheMutantsNoScenarioNoticesAndFailsUnderTheScore() throws Exception {
        // the memory.headroom threshold and the memory rules' operators, on the bundled scenarios
        Run r = run("rules", "mutate", "--only", "memory\\.headroom", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.path("mutants").asInt()).isPositive();
        assertThat(json.path("results").get(0).path("location").asText()).matches("(memory\\.drl|thresholds\\.yaml):\\d+.*");
        long killed = json.path("killed").asLong();
        long survived = json.path("survived").asLong();
        assertThat(killed + survived + json.path("invalid").asLong()).isEqualTo(json.path("mutants").asLong());
        assertThat(json.path("score").asDouble()).isBetween(0.0, 100.0);

        // a copy whose headroom scenarios are gone: the threshold moves go unnoticed and the score fails
        Path rules = RulesCopy.of(tmp);
        java.nio.file.Files.delete(rules.resolve("tests/memory.yaml"));
        Run weak = run("rules", "mutate", rules.toString(), "--kind", "threshold", "--only", "memory\\.headroom", "--fail-under", "90");
        assertThat(weak.exit()).as(weak.err()).isEqualTo(1);
        assertThat(weak.out()).contains("SURVIVED thresholds.yaml:").contains("memory.headroom 10% -> 5%");
        assertThat(weak.err()).contains("mutation score 0.0% is under 90.0%");
    }
}

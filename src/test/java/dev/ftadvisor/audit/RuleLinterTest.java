package dev.ftadvisor.audit;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lint on edited copies of the project's rules: each check finds its problem at the right file:line. */
class RuleLinterTest {
    @TempDir Path tmp;

    private static final String RULE_TEMPLATE = """

            rule "%s"
                @id("%s")
                @sources("vram.oom")
                @severity("info")
                @topic("memory")
                @description("test rule")
            when
                %s
            then
                %s
            end
            """;

    private Path copyWith(String name, String id, String when, String then) {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted(name, id, when, then));
        return rules;
    }

    private static List<RuleProblem> lint(Path rules) {
        return RuleLinter.lint(ResourceFolder.ofDirectory(rules));
    }

    private static List<String> lines(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::toString).toList();
    }

    @Test
    void theProjectsOwnRulesAreClean() {
        assertThat(lines(lint(TestSupport.RULES))).isEmpty();
    }

    @Test
    void systemExitAndJavaIoInAConsequenceAreRefusedWithFileAndLine() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "memory.drl", "    out.reject(drools, $c, \"needs {0}",
                "    System.exit(3);\n    new java.io.FileWriter(\"/tmp/x\").close();\n    out.reject(drools, $c, \"needs {0}");
        int exitLine = RulesCopy.lineOf(rules, "memory.drl", "System.exit");
        List<String> problems = lines(lint(rules));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("memory.drl:" + exitLine + ":5: ")
                .contains("'System.'").contains("reaches outside the engine"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("memory.drl:" + (exitLine + 1) + ":")
                .contains("java.io").contains("Memory per GPU must fit the card"));
    }

    @Test
    void importsFunctionsGlobalsAndUnicodeEscapesAreRefused() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "memory.drl", "import dev.ftadvisor.engine.Num;",
                "import dev.ftadvisor.engine.Num;\nimport java.nio.file.Files;\nglobal java.util.List leak;");
        RulesCopy.append(rules, "memory.drl", """

                function void boom() { Runtime.getRuntime().halt(0); }
                function String hidden() { return "\\u0022 + Thread.currentThread() + \\u0022"; }
                """);
        List<String> problems = lines(lint(rules));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("import java.nio.file.Files is refused"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("global java.util.List leak is refused"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Runtime'").contains("reaches outside"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unicode escape"));
    }

    @Test
    void reflectionAndClassLoadingInConditionsAreRefused() {
        Path rules = copyWith("Reflective", "memory.reflective",
                "$c : Candidate( eval($c.getClass().getClassLoader() != null) )", "out.advise(drools, $c, \"x\");");
        assertThat(lines(lint(rules))).anySatisfy(p -> assertThat(p).contains("getClass").contains("Reflective"));
    }

    @Test
    void wordsInMessagesAndCommentsAreNotCode() {
        Path rules = copyWith("Prose", "memory.prose", "$c : Candidate( gpuCount > 1 ) // System.exit in a comment",
                "out.advise(drools, $c, \"a File on the Thread of System.exit({0})\", $c.getGpu());");
        assertThat(lines(lint(rules))).isEmpty();
    }

    @Test
    void missingAndMalformedMetadata() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.append(rules, "memory.drl", """

                rule "No metadata"
                when
                    $c : Candidate( gpuCount > 7 )
                then
                    out.advise(drools, $c, "eight");
                end

                rule "Bad metadata"
                    @id("Memory Fit")
                    @sources("vram.oom")
                    @severity("critical")
                    @topic("memory")
                    @description("bad")
                when
                    $c : Candidate( gpuCount > 6 )
                then
                    out.advise(drools, $c, "seven");
                end
                """);
        List<String> problems = lines(lint(rules));
        for (String expected : List.of("'No metadata': missing @id", "'No metadata': missing @sources", "'No metadata': missing @severity",
                "'No metadata': missing @topic", "'No metadata': missing @description", "@id(\"Memory Fit\") is malformed",
                "@severity(\"critical\") must be one of")) {
            assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
        }
    }

    @Test
    void unknownGuidanceIdsDuplicateIdsAndDuplicateConditions() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "memory.drl", "@sources(\"vram.7b, cost.qlora-7b\")", "@sources(\"vram.7b, cost.qlora7b\")");
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Copy of fit", "memory.fit",
                "$x : Configuration(   memoryPerGpuGb > gpuMemoryGb ) from entry-point \"proposed\"", "out.advise(drools, $x, \"again\");"));
        int sourcesLine = RulesCopy.lineOf(rules, "memory.drl", "cost.qlora7b");
        List<String> problems = lines(lint(rules));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("memory.drl:" + sourcesLine + ":")
                .contains("unknown guidance id 'cost.qlora7b'").contains("closest: cost.qlora-7b"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("duplicate @id(\"memory.fit\")"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Copy of fit' has the same conditions as memory.drl:"));
    }

    @Test
    void conditionsThatCanNeverHold() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Contradiction", "memory.contradiction",
                "$c : Candidate( gpuCount > 5 && gpuCount < 3 )", "out.advise(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Out of range", "memory.negative",
                "$c : Candidate( gpuMemoryGb < 0 )", "out.advise(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Misspelt method", "memory.misspelt",
                "Proposal( method == \"lorra\" )\n    $c : Candidate()", "out.advise(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Gate out of range", "memory.gate-negative",
                "$c : Configuration( ramGb < 0 ) from entry-point \"proposed\"", "out.reject(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Candidate at the gate", "memory.gate-candidate",
                "$c : Candidate( pricing == \"spot\" ) from entry-point \"proposed\"", "out.reject(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Anything at the gate", "memory.gate-any",
                "$c : Object() from entry-point \"proposed\"", "out.note(drools, \"seen\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Unknown entry point", "memory.gate-unknown",
                "$c : Configuration( nodes > 1 ) from entry-point \"proposd\"", "out.reject(drools, $c, \"never\");"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Under not", "memory.undernot",
                "$c : Candidate()\n    not Candidate( gpuCount > 5, gpuCount < 3 )", "out.advise(drools, $c, \"always\");"));
        List<String> problems = lines(lint(rules));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Contradiction' can never fire")
                .contains("gpuCount > 5, gpuCount < 3"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Out of range' can never fire")
                .contains("Candidate.gpuMemoryGb is always > 0"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Misspelt method' can never fire").contains("lorra"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Gate out of range' can never fire")
                .contains("ramGb"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Candidate at the gate' can never fire")
                .contains("only Configuration facts into entry point \"proposed\", not Candidate"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Unknown entry point' can never fire")
                .contains("no facts into entry point \"proposd\""));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("Under not"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("Anything at the gate"));
    }

    @Test
    void messageTemplatesMustMatchTheirArguments() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Too few args", "memory.fewargs",
                "$c : Candidate( gpuCount > 2 )", "out.advise(drools, $c, \"{0} has {1} GB\", $c.getGpu());"));
        RulesCopy.append(rules, "memory.drl", RULE_TEMPLATE.formatted("Apostrophe", "memory.apostrophe",
                "$c : Candidate( gpuCount > 3 )", "out.rank(drools, $c, -1, \"the guide's {0}\", $c.getGpu());"));
        List<String> problems = lines(lint(rules));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Too few args': out.advise template uses 2 placeholder(s)")
                .contains("1 argument(s)"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'Apostrophe'").contains("single apostrophe"));
    }

    @Test
    void scenariosMustNameExistingRules() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "tests/memory.yaml", "quiet: [memory.fit, memory.headroom, memory.7b-floor]",
                "quiet: [memory.fit, memory.headrom, memory.7b-floor]");
        int line = RulesCopy.lineOf(rules, "tests/memory.yaml", "0.5B LoRA fits every card");
        assertThat(lines(lint(rules))).anySatisfy(p -> assertThat(p).startsWith("tests/memory.yaml:" + line + ":1: ")
                .contains("'memory.headrom', which no rule has (closest: memory.headroom"));
    }

    @Test
    void aMissingGuidanceFileIsAProblem() throws Exception {
        Path rules = RulesCopy.of(tmp);
        java.nio.file.Files.delete(rules.resolve("guidance.yaml"));
        assertThat(lines(lint(rules))).anySatisfy(p -> assertThat(p).startsWith("guidance.yaml:1:1: missing"));
    }
}

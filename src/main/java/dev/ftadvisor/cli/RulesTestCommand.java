package dev.ftadvisor.cli;

import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.audit.Scenario;
import dev.ftadvisor.audit.ScenarioFile;
import dev.ftadvisor.audit.ScenarioResult;
import dev.ftadvisor.audit.ScenarioRunner;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rules test [DIR]}: the scenario tests in DIR/tests/*.yaml; exit 1 if any fails, 3 if the folder is broken. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the scenario tests (tests/*.yaml) of a rules folder: pass/fail per scenario with the difference.",
                "Exit 0 all pass, 1 some fail, 3 the rules folder or a scenario file is broken."})
public final class RulesTestCommand implements Callable<Integer> {
    /** Exit code when some scenario fails (the folder itself is fine). */
    static final int SCENARIOS_FAILED = 1;

    @CommandLine.Mixin RulesFolderOptions options;

    @CommandLine.Option(names = "--run", paramLabel = "REGEX",
            description = "Only the scenarios whose name or location (tests/file.yaml:line) matches REGEX, as 'opa test --run' does.")
    String run;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResourceFolder folder = options.folder(spec);
        RuleSet rules = RuleCheck.compileChecked(folder);
        List<Scenario> scenarios = ScenarioFile.loadAll(folder);
        if (run != null) {
            java.util.regex.Pattern p;
            try {
                p = java.util.regex.Pattern.compile(run);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--run: not a regular expression: " + e.getDescription());
            }
            scenarios = scenarios.stream().filter(s -> p.matcher(s.name).find() || p.matcher(s.location).find()).toList();
            if (scenarios.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--run: no scenario name or location matches '" + run + "'");
            }
        }
        List<ScenarioResult> results = new ScenarioRunner(new Advisor(rules, options.engine.catalog(), options.engine.limits())).runAll(scenarios);
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rulesVersion", rules.rulesVersion());
            out.put("passed", results.size() - failed);
            out.put("failed", failed);
            out.put("scenarios", results.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.scenario().name);
                m.put("location", r.scenario().location);
                m.put("passed", r.passed());
                m.put("failures", r.failures());
                m.put("fired", r.firedRuleIds());
                return m;
            }).toList());
            RulesCommand.printJson(spec, out);
        } else {
            var w = RulesCommand.out(spec);
            for (ScenarioResult r : results) {
                w.println((r.passed() ? "PASS " : "FAIL ") + r.scenario().location + " " + r.scenario().name);
                r.failures().forEach(f -> w.println("     " + f));
            }
            w.printf("%d scenario(s): %d passed, %d failed (rulesVersion %s)%n", results.size(), results.size() - failed,
                    failed, rules.rulesVersion());
            if (scenarios.isEmpty()) w.println("no scenarios: add tests/*.yaml beside the rules");
            w.flush();
        }
        return failed > 0 ? SCENARIOS_FAILED : ExitCodes.OK;
    }
}

package dev.ftadvisor.cli;

import dev.ftadvisor.audit.Mutant;
import dev.ftadvisor.audit.MutantFinder;
import dev.ftadvisor.audit.MutationRunner;
import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.audit.Scenario;
import dev.ftadvisor.audit.ScenarioFile;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code rules mutate [DIR]}: do the scenarios notice when a threshold or a comparison moves? */
@Command(name = "mutate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mutation testing of a rules folder: moves each named threshold (thresholds.yaml) down and up, each number",
                "in the rules' conditions likewise, and negates each comparison operator there, one at a time; runs the",
                "scenarios (tests/*.yaml) on each mutant and lists the mutants no scenario notices, with file:line.",
                "Exit 0 done, 1 the score is under --fail-under (or the scenarios fail unmutated), 3 the folder is broken."})
public final class RulesMutateCommand implements Callable<Integer> {
    @CommandLine.Mixin RulesFolderOptions options;

    @Option(names = "--fail-under", paramLabel = "PERCENT", description = "Fail (exit 1) when under PERCENT of the valid mutants are killed.")
    Double failUnder;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Mutants judged at once (default: the cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--only", paramLabel = "REGEX", description = "Only mutants whose file:line, rule id or threshold name matches REGEX.")
    String only;

    @Option(names = "--kind", split = ",", paramLabel = "KIND", description = "Only these kinds: threshold, literal, operator.")
    List<Mutant.Kind> kinds;

    @Option(names = "--progress", negatable = true, description = "One line per mutant on stderr as it is judged (default: off).")
    boolean progress;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RulesCommand.checkPercent(spec, "--fail-under", failUnder);
        if (jobs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: expected 1 or more, got " + jobs);
        Pattern filter;
        try {
            filter = only == null ? null : Pattern.compile(only);
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--only: not a regular expression: " + e.getDescription());
        }
        ResourceFolder folder = options.folder(spec);
        RuleSet rules = RuleCheck.compileChecked(folder);
        List<Scenario> scenarios = ScenarioFile.loadAll(folder);
        if (scenarios.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no scenarios in " + folder.label() + "/tests: nothing can kill a mutant");
        }
        List<Mutant> mutants = MutantFinder.find(folder).stream()
                .filter(m -> kinds == null || kinds.contains(m.kind()))
                .filter(m -> filter == null || filter.matcher(m.location()).find() || (m.rule() != null && filter.matcher(m.rule()).find())
                        || (m.threshold() != null && filter.matcher(m.threshold()).find()))
                .toList();
        PrintWriter err = spec.commandLine().getErr();
        MutationRunner.Summary summary;
        long start = System.nanoTime();
        try {
            summary = new MutationRunner(folder, rules, options.engine.catalog(), scenarios, options.engine.limits()).run(mutants, jobs, r -> {
                if (progress) {
                    err.println(r.status().label() + " " + r.mutant().location() + " " + r.mutant().change());
                    err.flush();
                }
            });
        } catch (MutationRunner.RedSuite e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rulesVersion", rules.rulesVersion());
            out.put("mutants", summary.results().size());
            out.put("killed", summary.count(MutationRunner.Status.KILLED));
            out.put("survived", summary.count(MutationRunner.Status.SURVIVED));
            out.put("invalid", summary.count(MutationRunner.Status.INVALID));
            out.put("score", Math.round(summary.score() * 10) / 10.0);
            out.put("results", summary.results().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", r.status().label());
                m.put("kind", r.mutant().kind().label());
                m.put("location", r.mutant().location());
                m.put("rule", r.mutant().rule());
                m.put("change", r.mutant().change());
                if (r.killedBy() != null) m.put("killedBy", r.killedBy());
                return m;
            }).toList());
            RulesCommand.printJson(spec, out);
        } else {
            PrintWriter w = RulesCommand.out(spec);
            for (MutationRunner.Result r : summary.results()) {
                if (r.status() != MutationRunner.Status.SURVIVED) continue;
                w.printf("SURVIVED %s %s %s: no scenario noticed%n", r.mutant().location(), "[" + r.mutant().rule() + "]",
                        r.mutant().kind().label() + " " + r.mutant().change());
            }
            w.printf(Locale.ROOT, "%d mutant(s) of %s: %d killed, %d survived, %d invalid (do not compile); score %.1f%% in %.0f s (rulesVersion %s)%n",
                    summary.results().size(), folder.label(), summary.count(MutationRunner.Status.KILLED),
                    summary.count(MutationRunner.Status.SURVIVED), summary.count(MutationRunner.Status.INVALID),
                    summary.score(), seconds, rules.rulesVersion());
            w.flush();
        }
        if (failUnder != null && summary.score() < failUnder) {
            err.printf(Locale.ROOT, "mutation score %.1f%% is under %.1f%%: add scenarios at the boundaries listed as SURVIVED%n",
                    summary.score(), failUnder);
            err.flush();
            return 1;
        }
        return ExitCodes.OK;
    }
}

package dev.ftadvisor.cli;

import dev.ftadvisor.audit.Coverage;
import dev.ftadvisor.audit.Exclusions;
import dev.ftadvisor.audit.GuidanceIds;
import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.audit.ScenarioFile;
import dev.ftadvisor.audit.ScenarioResult;
import dev.ftadvisor.audit.ScenarioRunner;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code rules coverage}: guidance ids -> rules -> scenarios; what is not covered. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Which guidance ids each rule implements, which scenarios make each rule fire, ids with no rule",
                "(and no 'Not encoded' entry in README.md), rules no scenario fires.",
                "Exit 1 when --fail-under is given and guidance or rule coverage is below it; 3 if the folder is broken."})
public final class RulesCoverageCommand implements Callable<Integer> {
    @CommandLine.Mixin RulesFolderOptions options;
    @Option(names = "--fail-under", paramLabel = "PERCENT", description = "Fail (exit 1) when guidance or rule coverage is below PERCENT.")
    Double failUnder;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RulesCommand.checkPercent(spec, "--fail-under", failUnder);
        ResourceFolder folder = options.folder(spec);
        RuleSet rules = RuleCheck.compileChecked(folder);
        List<ScenarioResult> results = new ScenarioRunner(new Advisor(rules, options.engine.catalog(), options.engine.limits())).runAll(ScenarioFile.loadAll(folder));
        Coverage c = Coverage.of(rules.rulesVersion(), GuidanceIds.load(folder), rules.index().rules(),
                Exclusions.load(folder), results);
        if (options.json()) RulesCommand.printJson(spec, c);
        else {
            RulesCommand.out(spec).print(c.toText());
            RulesCommand.out(spec).flush();
        }
        if (failUnder != null && (c.guidancePercent() < failUnder || c.rulesPercent() < failUnder)) {
            spec.commandLine().getErr().printf("coverage below %.1f%%: guidance %.1f%%, rules %.1f%%%n", failUnder,
                    c.guidancePercent(), c.rulesPercent());
            spec.commandLine().getErr().flush();
            return 1;
        }
        return ExitCodes.OK;
    }
}

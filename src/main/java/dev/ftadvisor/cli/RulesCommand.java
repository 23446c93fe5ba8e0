package dev.ftadvisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.report.JsonRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code rules}: the auditor's verbs (list, check, test, coverage, diff) on a rules folder. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Audit a rules folder: list its rules, check (compile + lint), run its scenario tests, coverage, diff two folders.",
        subcommands = {RulesListCommand.class, RulesCheckCommand.class, RulesTestCommand.class,
                RulesCoverageCommand.class, RulesDiffCommand.class, RulesMutateCommand.class})
public final class RulesCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb: list, check, test, coverage or diff");
    }

    /** The folder named as DIR, else --rules, else ./rules or the bundled rules. */
    static ResourceFolder folder(Path dir, EngineOptions engine) {
        return dir != null ? ResourceFolder.resolve(dir, "rules") : engine.rulesFolder();
    }

    /** A percentage option (null when not given) must lie in 0..100. */
    static void checkPercent(CommandLine.Model.CommandSpec spec, String option, Double value) {
        if (value != null && (value < 0 || value > 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": expected a percentage 0..100, got " + value);
        }
    }


    static void printJson(CommandLine.Model.CommandSpec spec, Object value) {
        try {
            out(spec).println(JsonRenderer.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out(spec).flush();
    }

    static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}

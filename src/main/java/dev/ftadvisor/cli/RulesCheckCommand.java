package dev.ftadvisor.cli;

import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.engine.RulesVersion;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rules check [DIR]}: compile and lint; problems as file:line:col: message, exit 3. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile and lint a rules folder. Problems are printed as file:line:col: message; exit 3 if any.",
                "Lint: metadata, unknown guidance ids, duplicate ids and conditions, conditions that can never hold,",
                "code that reaches outside the engine (files, network, processes, reflection, System), message templates."})
public final class RulesCheckCommand implements Callable<Integer> {
    @CommandLine.Mixin RulesFolderOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResourceFolder folder = options.folder(spec);
        List<RuleProblem> problems = RuleCheck.run(folder);
        String version = RulesVersion.of(folder);
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rulesVersion", version);
            out.put("ok", problems.isEmpty());
            out.put("problems", problems.stream().map(p -> Map.of("file", p.file(), "line", Math.max(1, p.line()),
                    "column", Math.max(1, p.column()), "message", p.message())).toList());
            RulesCommand.printJson(spec, out);
        } else if (problems.isEmpty()) {
            RulesCommand.out(spec).println(folder.label() + ": OK (rulesVersion " + version + ")");
            RulesCommand.out(spec).flush();
        } else {
            var err = spec.commandLine().getErr();
            problems.forEach(err::println);
            err.println(problems.size() + " problem(s) in " + folder.label() + " (rulesVersion " + version + ")");
            err.flush();
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.RULES_BROKEN;
    }
}

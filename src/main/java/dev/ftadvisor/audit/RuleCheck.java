package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleCompiler;
import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.io.ResourceFolder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rules check}: lint first (so a rule that reaches outside the engine is named even when it
 * would also fail to compile), then compile with the same compiler {@code consult} uses. Compiling
 * generates and compiles Java but runs none of the rules' code.
 */
public final class RuleCheck {
    private RuleCheck() {
    }

    public static List<RuleProblem> run(ResourceFolder folder) {
        List<RuleProblem> problems = new ArrayList<>(RuleLinter.lint(folder));
        boolean sandboxBroken = problems.stream().anyMatch(p -> p.message().contains("reaches outside the engine")
                || p.message().contains("is refused"));
        if (!sandboxBroken) {
            try {
                RuleCompiler.load(folder);
            } catch (RulesCompileException e) {
                for (RuleProblem p : e.problems()) {
                    if (!problems.contains(p)) problems.add(p);
                }
            }
        }
        problems.sort(null);
        return problems;
    }

    /**
     * The compiled rules, refusing a folder whose code reaches outside the engine: every verb that runs
     * rules from a folder (consult, test, coverage, diff) goes through here so that foreign DRL is
     * checked before any of it runs.
     */
    public static RuleSet compileChecked(ResourceFolder folder) {
        requireSandboxed(folder);
        return RuleCompiler.load(folder);
    }

    /**
     * Throws (exit 3) when a rule file reaches outside the engine. Only the text scan of
     * {@link SandboxCheck}, without parsing the DRL, so it costs little on every start. The rules
     * bundled in the jar are the project's own, checked by its build, and are not scanned again.
     */
    public static void requireSandboxed(ResourceFolder folder) {
        if (folder.isBundled()) return;
        List<RuleProblem> problems = new ArrayList<>();
        for (String file : folder.list(".drl")) {
            problems.addAll(SandboxCheck.check(DrlSource.unparsed(file, folder.read(file))));
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new RulesCompileException(problems);
        }
    }
}

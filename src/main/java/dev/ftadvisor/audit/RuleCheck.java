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
     * The compiled rules, refusing a folder that fails lint: every verb that runs rules from a folder
     * (test, coverage, diff) goes through here so that foreign DRL is checked before any of it runs.
     */
    public static RuleSet compileChecked(ResourceFolder folder) {
        List<RuleProblem> problems = RuleLinter.lint(folder).stream()
                .filter(p -> p.message().contains("reaches outside the engine") || p.message().contains("is refused"))
                .toList();
        if (!problems.isEmpty()) throw new RulesCompileException(problems);
        return RuleCompiler.load(folder);
    }
}

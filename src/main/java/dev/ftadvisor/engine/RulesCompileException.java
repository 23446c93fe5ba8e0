package dev.ftadvisor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder does not compile (or fails lint); each problem has file:line:col. Exit code 3. */
public class RulesCompileException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RulesCompileException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() { return problems; }
}

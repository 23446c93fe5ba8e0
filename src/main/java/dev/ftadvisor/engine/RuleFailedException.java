package dev.ftadvisor.engine;

import java.util.List;

/**
 * A rule failed while a consultation ran: it threw, did not finish within the time limit, fired
 * without end, overflowed the stack or ran out of memory. One line naming the rule's file:line, exit
 * 3 like any broken rules folder. It is about one consultation: a batch reports it as that record's
 * error and goes on (unless the rule set had to be {@linkplain Kind#POISONED given up}).
 */
public final class RuleFailedException extends RulesCompileException {
    /** What went wrong. */
    public enum Kind { THREW, TIMEOUT, FIRING_LIMIT, STACK_OVERFLOW, OUT_OF_MEMORY, INTERRUPTED, POISONED }

    private final Kind kind;

    RuleFailedException(Kind kind, String file, int line, String message) {
        super(List.of(new RuleProblem(file, line, 1, message.replace('\n', ' '))));
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

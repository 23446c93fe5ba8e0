package dev.ftadvisor.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception thrown while rules evaluate (a constraint that cannot be evaluated, a
 * consequence that throws) into a {@link RulesCompileException} naming the rule's file and line.
 */
final class RuleFailure {
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule \"?([^\"\\]]+?)\"? in ");
    private static final Pattern RULE_NAME_ALT = Pattern.compile("rule: ?'?\"?([^'\"\\]]+)");

    private RuleFailure() {
    }

    static RuleFailedException of(RuntimeException e, RuleIndex index) {
        String ruleName = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (ruleName == null && t.getMessage() != null) {
                for (Pattern p : List.of(RULE_NAME, RULE_NAME_ALT)) {
                    Matcher m = p.matcher(t.getMessage());
                    if (m.find() && index.byName(m.group(1).strip()) != null) {
                        ruleName = m.group(1).strip();
                        break;
                    }
                }
            }
        }
        RuleInfo info = ruleName == null ? null : index.byName(ruleName);
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + first(root.getMessage()));
        String rule = "rule " + (info == null ? "(unknown)" : "'" + info.name() + "' (" + info.id() + ")");
        RuleFailedException.Kind kind = RuleFailedException.Kind.THREW;
        String message = rule + " failed while evaluating: " + first(e.getMessage()) + " [" + what + "]";
        if (root instanceof StackOverflowError) {
            kind = RuleFailedException.Kind.STACK_OVERFLOW;
            message = rule + " overflowed the stack (unbounded recursion?): stopped";
        } else if (root instanceof OutOfMemoryError) {
            kind = RuleFailedException.Kind.OUT_OF_MEMORY;
            message = rule + " ran out of memory: stopped";
        }
        return new RuleFailedException(kind, info == null ? "rules" : info.file(), info == null ? 1 : info.line(), message);
    }

    private static String first(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

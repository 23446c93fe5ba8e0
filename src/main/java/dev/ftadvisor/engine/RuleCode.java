package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The compiled code of one rule set as the engine knows it: which generated class or method belongs
 * to which rule (so a rule stopped at run time, or refused by {@link RuleBytecodeCheck}, is named
 * with its file and line), and whether a consultation of it ever had to be abandoned.
 */
public final class RuleCode {
    private final Supplier<Map<String, byte[]>> classes;
    private final Collection<String> ruleNames;
    private final ResourceFolder folder;
    private volatile Map<String, byte[]> classMap;
    private volatile RuleBytecodeCheck.Result analysis;
    private volatile DrlLocations locations;
    private volatile String poisoned;
    private final boolean trusted;

    private RuleCode(Supplier<Map<String, byte[]>> classes, Collection<String> ruleNames, ResourceFolder folder,
                     RuleBytecodeCheck.Result analysis) {
        this.trusted = analysis == null;
        this.classes = classes;
        this.ruleNames = ruleNames;
        this.folder = folder;
        this.analysis = analysis;
    }

    /**
     * Checks the module's classes ({@link RuleBytecodeCheck}) and throws a {@link RulesCompileException}
     * naming each refused reference's rule (file:line) if any is refused. Nothing of the module is
     * loaded or run here.
     */
    static RuleCode checked(Map<String, byte[]> classes, Collection<String> ruleNames, ResourceFolder folder) {
        RuleBytecodeCheck.Result result = RuleBytecodeCheck.check(classes, ruleNames);
        RuleCode code = new RuleCode(() -> classes, ruleNames, folder, result);
        if (!result.ok()) throw new RulesCompileException(code.problems(result.violations()));
        return code;
    }

    /** The project's own rules (bundled in the jar): not checked on each start; analysed only if a rule must be named. */
    static RuleCode trusted(Supplier<Map<String, byte[]>> classes, Collection<String> ruleNames, ResourceFolder folder) {
        return new RuleCode(classes, ruleNames, folder, null);
    }

    /** The project's own rules: not checked at run time, run on the caller's thread (see {@link RuleRunner}). */
    public boolean trusted() {
        return trusted;
    }

    private RuleBytecodeCheck.Result analysis() {
        RuleBytecodeCheck.Result a = analysis;
        if (a == null) {
            a = RuleBytecodeCheck.check(classes(), ruleNames);
            analysis = a;
        }
        return a;
    }

    private DrlLocations locations() {
        DrlLocations l = locations;
        if (l == null) {
            l = DrlLocations.of(folder);
            locations = l;
        }
        return l;
    }

    /** Where a generated class's method comes from in the DRL, or null. */
    DrlLocations.Place placeOf(String internalClass, String method) {
        RuleBytecodeCheck.Result a = analysis();
        DrlLocations l = locations();
        DrlLocations.Place p = l.type(internalClass);
        if (p != null) return p;
        String rule = method == null ? null : a.methodToRule().get(internalClass + "#" + method);
        if (method != null && !internalClass.contains("/Lambda")) {
            DrlLocations.Place f = l.function(method);
            if (f != null) {
                return rule == null ? f : new DrlLocations.Place(f.what() + " (called by rule '" + rule + "')", f.file(), f.line());
            }
        }
        if (rule == null) rule = a.classToRule().get(internalClass);
        p = l.rule(rule);
        if (p != null) return p;
        return rule == null ? null : new DrlLocations.Place("rule '" + rule + "'", folder == null ? "rules" : folder.label(), 1);
    }

    /**
     * The rule (and function) running in a stack: the first frame of the rule set's code names a
     * function or a rule; a function's caller further down names the rule when the stack still has it.
     */
    DrlLocations.Place placeOf(StackTraceElement[] stack) {
        DrlLocations.Place function = null;
        for (StackTraceElement f : stack) {
            String cls = f.getClassName().replace('.', '/');
            if (!isModuleClass(cls)) continue;
            DrlLocations.Place p = placeOf(cls, f.getMethodName());
            if (p == null) continue;
            if (p.what().startsWith("function")) {
                if (function == null) function = p;
                continue;
            }
            if (function == null) return p;
            String called = function.what().replaceFirst(" \\(called by .*", "");
            return new DrlLocations.Place(p.what() + " (in " + called + ")", p.file(), p.line());
        }
        return function;
    }

    private boolean isModuleClass(String internalClass) {
        return classes().containsKey(internalClass);
    }

    private Map<String, byte[]> classes() {
        Map<String, byte[]> c = classMap;
        if (c == null) {
            c = classes.get();
            classMap = c;
        }
        return c;
    }

    /** One problem per rule (or function, or declared type): what its compiled code names that is refused. */
    List<RuleProblem> problems(List<RuleBytecodeCheck.Violation> violations) {
        Map<DrlLocations.Place, Set<String>> refs = new LinkedHashMap<>();
        Map<DrlLocations.Place, Set<String>> whys = new LinkedHashMap<>();
        DrlLocations.Place unknown = new DrlLocations.Place(null, folder == null ? "rules" : folder.label(), 1);
        for (RuleBytecodeCheck.Violation v : violations) {
            DrlLocations.Place p = placeOf(v.className(), v.method());
            if (p == null) p = unknown;
            String ref = v.reference().endsWith(".<init>") ? "new " + v.reference().substring(0, v.reference().length() - 7)
                    : v.reference();
            refs.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(ref);
            whys.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(v.why());
        }
        List<RuleProblem> problems = new ArrayList<>();
        refs.forEach((p, names) -> {
            // a class named only as a type is said once, by its members when they are listed
            List<String> shown = names.stream().filter(n -> names.stream().noneMatch(o -> !o.equals(n)
                    && (o.startsWith(n + ".") || o.equals("new " + n)))).toList();
            String list = String.join(", ", shown.subList(0, Math.min(4, shown.size())))
                    + (shown.size() > 4 ? " and " + (shown.size() - 4) + " more" : "");
            String who = p.what() == null ? "the compiled rules" : p.what();
            problems.add(new RuleProblem(p.file(), p.line(), 1, who + " reaches outside the engine in its compiled code: "
                    + list + " (" + String.join("; ", whys.get(p)) + "): a rule may only read facts, compute, and report through out.*"));
        });
        problems.sort(null);
        return problems;
    }

    /** Set when a consultation's thread could not be stopped: the rule set is not run again. */
    String poisoned() {
        return poisoned;
    }

    void poison(String why) {
        if (poisoned == null) poisoned = why;
    }
}

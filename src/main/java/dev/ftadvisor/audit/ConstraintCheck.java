package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleProblem;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds patterns that can never match, where that is decidable from the text alone: the constraints
 * of one pattern on one field compared with number literals ({@code x > 5, x < 3}), a number literal
 * outside the range the Java side guarantees for that field ({@code gpuMemoryGb < 0}, see
 * {@link FactRanges}), and a string field compared with a value outside its enum
 * ({@code method == "lorra"}). Only patterns that must match for the rule to fire are judged: those at
 * the top level of the conditions or inside {@code exists}; patterns under {@code not}, {@code or},
 * {@code forall}, {@code accumulate} or {@code from} (except {@code from entry-point}) are skipped, as
 * is any constraint using {@code ||}.
 */
final class ConstraintCheck {
    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final String OP = "(<=|>=|==|!=|<|>)";
    private static final Pattern FIELD_OP_NUM = Pattern.compile("^([A-Za-z_]\\w*)\\s*" + OP + "\\s*" + NUM + "[dDfFlL]?$");
    private static final Pattern NUM_OP_FIELD = Pattern.compile("^" + NUM + "[dDfFlL]?\\s*" + OP + "\\s*([A-Za-z_]\\w*)$");
    private static final Pattern FIELD_EQ_STR = Pattern.compile("^([A-Za-z_]\\w*)\\s*==\\s*\"([^\"]*)\"$");
    private static final Pattern FIELD_IN_STRS = Pattern.compile("^([A-Za-z_]\\w*)\\s+in\\s*\\((\\s*\"[^\"]*\"\\s*(?:,\\s*\"[^\"]*\"\\s*)*)\\)$");
    private static final Pattern BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*");

    /** Types every fact of an entry point may be matched as. */
    private static final Set<String> SUPERTYPES = Set.of("Object", "Judged");

    private ConstraintCheck() {
    }

    static List<RuleProblem> check(DrlSource src, RuleDescr rule) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rule.getLhs() == null) return problems;
        for (PatternDescr p : mustMatch(rule.getLhs())) {
            String why = impossible(p);
            if (why != null) {
                problems.add(new RuleProblem(src.file(), p.getLine() > 0 ? p.getLine() : rule.getLine(),
                        p.getColumn() > 0 ? p.getColumn() + 1 : 1,
                        "rule '" + rule.getName() + "' can never fire: " + why));
            }
        }
        return problems;
    }

    /** Patterns that must match for the rule to fire. */
    private static List<PatternDescr> mustMatch(AndDescr lhs) {
        List<PatternDescr> out = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) collect(d, out);
        return out;
    }

    private static void collect(BaseDescr d, List<PatternDescr> out) {
        // an entry point is where facts come from, not a collection: its patterns are judged like any other
        if (d instanceof PatternDescr p && (p.getSource() == null
                || p.getSource() instanceof org.drools.drl.ast.descr.EntryPointDescr)) {
            out.add(p);
        } else if (d instanceof ExistsDescr e) {
            for (Object c : e.getDescrs()) collect((BaseDescr) c, out);
        } else if (d instanceof AndDescr a) {
            for (BaseDescr c : a.getDescrs()) collect(c, out);
        }
    }

    private static final class Bounds {
        double lo = Double.NEGATIVE_INFINITY;
        boolean loOpen;
        double hi = Double.POSITIVE_INFINITY;
        boolean hiOpen;
        final List<String> said = new ArrayList<>();

        void apply(String op, double v) {
            switch (op) {
                case ">" -> lower(v, true);
                case ">=" -> lower(v, false);
                case "<" -> upper(v, true);
                case "<=" -> upper(v, false);
                case "==" -> { lower(v, false); upper(v, false); }
                default -> { }
            }
        }

        void lower(double v, boolean open) {
            if (v > lo || (v == lo && open)) { lo = v; loOpen = open; }
        }

        void upper(double v, boolean open) {
            if (v < hi || (v == hi && open)) { hi = v; hiOpen = open; }
        }

        boolean empty() {
            return lo > hi || (lo == hi && (loOpen || hiOpen));
        }
    }

    /** Why the pattern cannot match, or null when it can (or we cannot tell). */
    static String impossible(PatternDescr p) {
        String type = simpleName(p.getObjectType());
        if (p.getSource() instanceof org.drools.drl.ast.descr.EntryPointDescr ep) {
            String name = ep.getEntryId();
            Set<String> inserted = dev.ftadvisor.engine.Advisor.ENTRY_POINT_FACTS.get(name);
            if (inserted == null) {
                return "the engine inserts no facts into entry point \"" + name + "\" (it uses "
                        + String.join(", ", dev.ftadvisor.engine.Advisor.ENTRY_POINT_FACTS.keySet().stream()
                                .map(n -> "\"" + n + "\"").sorted().toList()) + " and the default)";
            }
            // a supertype pattern (Object, Judged) can match what is inserted: only other types are flagged
            if (!inserted.contains(type) && !SUPERTYPES.contains(type)) {
                return "the engine inserts only " + String.join(", ", inserted.stream().sorted().toList())
                        + " facts into entry point \"" + name + "\", not " + type
                        + " (candidates and the other facts enter the default entry point)";
            }
        }
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (BaseDescr d : p.getConstraint().getDescrs()) {
            if (!(d instanceof ExprConstraintDescr e)) continue;
            String expr = e.getExpression().strip();
            if (expr.contains("||")) continue;
            for (String atom : splitAnd(expr)) {
                String a = BINDING.matcher(atom.strip()).replaceFirst("").strip();
                String enumWhy = enumCheck(type, a);
                if (enumWhy != null) return enumWhy;
                String field;
                String op;
                double v;
                Matcher m = FIELD_OP_NUM.matcher(a);
                if (m.matches()) {
                    field = m.group(1); op = m.group(2); v = Double.parseDouble(m.group(3));
                } else {
                    m = NUM_OP_FIELD.matcher(a);
                    if (!m.matches()) continue;
                    field = m.group(3); op = flip(m.group(2)); v = Double.parseDouble(m.group(1));
                }
                Bounds b = bounds.computeIfAbsent(field, k -> new Bounds());
                b.apply(op, v);
                b.said.add(field + " " + op + " " + FactRanges.Num.fmt(v));
                if (b.empty()) {
                    return type + "( " + String.join(", ", b.said) + " ) has no value that satisfies every constraint";
                }
                FactRanges.Range r = FactRanges.NUMERIC.getOrDefault(type, Map.of()).get(field);
                if (r != null) {
                    Bounds withRange = new Bounds();
                    withRange.lo = b.lo; withRange.loOpen = b.loOpen; withRange.hi = b.hi; withRange.hiOpen = b.hiOpen;
                    if (!Double.isNaN(r.min())) withRange.lower(r.min(), r.minOpen());
                    if (!Double.isNaN(r.max())) withRange.upper(r.max(), r.maxOpen());
                    if (withRange.empty()) {
                        return type + "( " + String.join(", ", b.said) + " ) contradicts the range the Java side guarantees: "
                                + type + "." + field + " is always " + r.describe();
                    }
                }
            }
        }
        return null;
    }

    private static String enumCheck(String type, String atom) {
        Map<String, Set<String>> enums = FactRanges.ENUMS.getOrDefault(type, Map.of());
        Matcher m = FIELD_EQ_STR.matcher(atom);
        if (m.matches() && enums.containsKey(m.group(1)) && !enums.get(m.group(1)).contains(m.group(2))) {
            return type + "( " + atom + " ): " + type + "." + m.group(1) + " is one of " + new java.util.TreeSet<>(enums.get(m.group(1)));
        }
        m = FIELD_IN_STRS.matcher(atom);
        if (m.matches() && enums.containsKey(m.group(1))) {
            Set<String> allowed = enums.get(m.group(1));
            boolean any = false;
            Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(m.group(2));
            while (s.find()) any |= allowed.contains(s.group(1));
            if (!any) {
                return type + "( " + atom + " ): " + type + "." + m.group(1) + " is one of " + new java.util.TreeSet<>(allowed);
            }
        }
        return null;
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** Splits on top-level "&&" (outside parentheses and strings). */
    static List<String> splitAnd(String expr) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean str = false;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) str = !str;
            if (str) continue;
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && c == '&' && i + 1 < expr.length() && expr.charAt(i + 1) == '&') {
                out.add(expr.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        out.add(expr.substring(start));
        return out;
    }

    private static String simpleName(String type) {
        if (type == null) return "";
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}

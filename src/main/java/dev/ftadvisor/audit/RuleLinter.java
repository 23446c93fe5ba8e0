package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.io.ResourceFolder;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint half of {@code rules check}, on the text of a rules folder (nothing is compiled or run):
 * <ol>
 *   <li>metadata: every rule has @id (lower-case dotted, e.g. {@code memory.fit}), @sources (one or
 *       more guidance ids, each listed in guidance.yaml), @severity (blocker|warning|advice|info),
 *       @topic and @description;</li>
 *   <li>duplicate rule ids, duplicate rule names;</li>
 *   <li>two rules with the same conditions (whitespace and binding names normalised);</li>
 *   <li>conditions that can never hold ({@link ConstraintCheck});</li>
 *   <li>code that reaches outside the engine ({@link SandboxCheck});</li>
 *   <li>message templates whose placeholders do not match their arguments ({@link TemplateCheck}).</li>
 * </ol>
 */
public final class RuleLinter {
    public static final Set<String> SEVERITIES = Set.of("blocker", "warning", "advice", "info");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");

    private RuleLinter() {
    }

    public static List<RuleProblem> lint(ResourceFolder folder) {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> guidance;
        try {
            guidance = GuidanceIds.load(folder).keySet();
        } catch (RulesCompileException e) {
            problems.addAll(e.problems());
            guidance = null;
        }
        Map<String, String> idSeen = new HashMap<>();
        Map<String, String> nameSeen = new HashMap<>();
        Map<String, String> conditionsSeen = new LinkedHashMap<>();
        for (String file : folder.list(".drl")) {
            DrlSource src = DrlSource.parse(file, folder.read(file));
            problems.addAll(SandboxCheck.check(src));
            if (src.pkg() == null) continue; // parse errors are reported by the compile step
            for (RuleDescr r : src.pkg().getRules()) {
                String where = src.file() + ":" + r.getLine();
                metadata(src, r, guidance, problems);
                String id = value(r, "id");
                if (id != null) {
                    String prev = idSeen.putIfAbsent(id, where + " ('" + r.getName() + "')");
                    if (prev != null) problems.add(at(src, r, "id", "duplicate @id(\"" + id + "\"): also used by " + prev));
                }
                String prevName = nameSeen.putIfAbsent(r.getName(), where);
                if (prevName != null) {
                    problems.add(new RuleProblem(file, r.getLine(), 1, "duplicate rule name '" + r.getName() + "': also at " + prevName));
                }
                String cond = normalisedConditions(src, r);
                if (cond != null && !cond.isEmpty()) {
                    String prev = conditionsSeen.putIfAbsent(cond, where + " ('" + r.getName() + "')");
                    if (prev != null) {
                        problems.add(new RuleProblem(file, r.getLine(), 1, "rule '" + r.getName()
                                + "' has the same conditions as " + prev + ": merge them or tell them apart"));
                    }
                }
                problems.addAll(ConstraintCheck.check(src, r));
                problems.addAll(TemplateCheck.check(src, r));
            }
        }
        scenarios(folder, idSeen.keySet(), problems);
        Collections.sort(problems);
        return problems;
    }

    /**
     * Scenario files must load, and name only rules that exist: a typo in {@code quiet:} would
     * otherwise pass for ever.
     */
    private static void scenarios(ResourceFolder folder, Set<String> ruleIds, List<RuleProblem> problems) {
        List<Scenario> all;
        try {
            all = ScenarioFile.loadAll(folder);
        } catch (RulesCompileException e) {
            problems.addAll(e.problems());
            return;
        }
        for (Scenario s : all) {
            java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>(s.expect.fires);
            named.addAll(s.expect.quiet);
            s.expect.findings.forEach(f -> named.add(f.rule));
            for (String id : named) {
                if (id != null && !ruleIds.contains(id)) {
                    int colon = s.location.lastIndexOf(':');
                    problems.add(new RuleProblem(s.location.substring(0, colon), Integer.parseInt(s.location.substring(colon + 1)), 1,
                            "scenario '" + s.name + "' names rule id '" + id + "', which no rule has (closest: "
                                    + String.join(", ", dev.ftadvisor.input.NameSuggester.closest(id, ruleIds, 2)) + ")"));
                }
            }
        }
    }

    private static void metadata(DrlSource src, RuleDescr r, Set<String> guidance, List<RuleProblem> problems) {
        String name = "rule '" + r.getName() + "': ";
        String id = value(r, "id");
        if (id == null || id.isBlank()) problems.add(at(src, r, null, name + "missing @id(\"topic.name\")"));
        else if (!ID.matcher(id).matches()) problems.add(at(src, r, "id", name + "@id(\"" + id + "\") is malformed: expected lower-case dotted words such as memory.fit"));
        String sources = value(r, "sources");
        if (sources == null || sources.isBlank()) {
            problems.add(at(src, r, null, name + "missing @sources(\"guide.id, ...\"): which advice of the guide this rule implements"));
        } else if (guidance != null) {
            for (String s : sources.split("[,\\s]+")) {
                if (!s.isBlank() && !guidance.contains(s)) {
                    List<String> close = dev.ftadvisor.input.NameSuggester.closest(s, guidance, 2);
                    problems.add(at(src, r, "sources", name + "unknown guidance id '" + s + "' in @sources (not in guidance.yaml; closest: "
                            + String.join(", ", close) + ")"));
                }
            }
        }
        String severity = value(r, "severity");
        if (severity == null || severity.isBlank()) problems.add(at(src, r, null, name + "missing @severity(blocker|warning|advice|info)"));
        else if (!SEVERITIES.contains(severity)) problems.add(at(src, r, "severity", name + "@severity(\"" + severity + "\") must be one of blocker, warning, advice, info"));
        if (isBlank(value(r, "topic"))) problems.add(at(src, r, null, name + "missing @topic(\"...\")"));
        if (isBlank(value(r, "description"))) problems.add(at(src, r, null, name + "missing @description(\"...\"): one line saying what the rule judges"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String value(RuleDescr r, String name) {
        AnnotationDescr a = r.getAnnotation(name);
        if (a == null || a.getValue() == null) return null;
        return AnnotationDescr.unquote(a.getValue().toString()).strip();
    }

    /** At the annotation's line when it exists, else at the rule's line. */
    private static RuleProblem at(DrlSource src, RuleDescr r, String annotation, String message) {
        int line = r.getLine();
        int col = 1;
        if (annotation != null) {
            AnnotationDescr a = r.getAnnotation(annotation);
            if (a != null && a.getLine() > 0) {
                line = a.getLine();
                col = a.getColumn() > 0 ? a.getColumn() + 1 : 1;
            } else {
                int found = findLine(src, r, "@" + annotation);
                if (found > 0) line = found;
            }
        }
        return new RuleProblem(src.file(), line, col, message);
    }

    private static int findLine(DrlSource src, RuleDescr r, String token) {
        String[] lines = src.text().split("\n", -1);
        int end = r.getConsequenceLine() > 0 ? r.getConsequenceLine() : lines.length;
        for (int i = r.getLine() - 1; i < Math.min(lines.length, end); i++) {
            if (lines[i].contains(token)) return i + 1;
        }
        return -1;
    }

    /** The text between "when" and "then", comments dropped, whitespace collapsed, bindings renamed $1, $2... */
    static String normalisedConditions(DrlSource src, RuleDescr r) {
        if (r.getConsequenceLine() <= 0) return null;
        String[] lines = src.code().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = r.getLine() - 1; i < Math.min(lines.length, r.getConsequenceLine()); i++) sb.append(lines[i]).append('\n');
        String text = sb.toString();
        Matcher w = Pattern.compile("\\bwhen\\b").matcher(text);
        if (!w.find()) return null;
        int t = text.lastIndexOf("then");
        if (t < w.end()) return null;
        // string literals are blanked in code(); take them from the original text at the same offsets
        String original = src.text().substring(src.offsetOfLine(r.getLine()) + w.end(), src.offsetOfLine(r.getLine()) + t);
        String body = DrlSource.blank(original, false).replaceAll("\\s+", " ").strip();
        Map<String, String> renames = new LinkedHashMap<>();
        Matcher v = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (v.find()) {
            String alias = renames.computeIfAbsent(v.group(), k -> "\\$v" + (renames.size() + 1));
            v.appendReplacement(out, alias);
        }
        v.appendTail(out);
        return out.toString();
    }
}

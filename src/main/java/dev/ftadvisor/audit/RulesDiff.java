package dev.ftadvisor.audit;

import dev.ftadvisor.engine.ThresholdsFile;
import dev.ftadvisor.model.Thresholds;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ftadvisor.engine.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two rule folders, rule by rule (matched by @id, or by name when a rule has no
 * id): added, removed, and for a changed rule which parts changed: conditions, thresholds (the number
 * literals of the conditions and consequence, strings aside), metadata, consequence, file.
 */
public final class RulesDiff {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])-?\\d+(?:\\.\\d+)?(?![\\w.])");

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Change(String id, String kind, String oldLocation, String newLocation, List<String> changes) {
    }

    private static final Pattern NAMED = Pattern.compile("\\.(?:value|text)\\(\\s*\"([a-z0-9.-]+)\"\\s*\\)");

    private RulesDiff() {
    }

    /** The thresholds a rule's text reads by name, in order, each once. */
    static java.util.Set<String> namedThresholds(String text) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = NAMED.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    public static List<Change> of(List<RuleInfo> oldRules, List<RuleInfo> newRules) {
        return of(oldRules, newRules, Map.of(), Map.of());
    }

    /**
     * As {@link #of(List, List)}, also comparing rule attributes (salience, ruleflow-group, no-loop...)
     * given by rule name, since they change which rule wins.
     */
    public static List<Change> of(List<RuleInfo> oldRules, List<RuleInfo> newRules,
                                  Map<String, Map<String, String>> oldAttributes, Map<String, Map<String, String>> newAttributes) {
        return of(oldRules, newRules, oldAttributes, newAttributes, Thresholds.NONE, Thresholds.NONE);
    }

    /**
     * As above, also comparing the named thresholds each rule reads ({@code $t.value("memory.headroom")}):
     * a value moved in thresholds.yaml is a threshold change of every rule that reads it.
     */
    public static List<Change> of(List<RuleInfo> oldRules, List<RuleInfo> newRules,
                                  Map<String, Map<String, String>> oldAttributes, Map<String, Map<String, String>> newAttributes,
                                  Thresholds oldThresholds, Thresholds newThresholds) {
        Map<String, RuleInfo> before = byKey(oldRules);
        Map<String, RuleInfo> after = byKey(newRules);
        List<Change> out = new ArrayList<>();
        for (var e : before.entrySet()) {
            RuleInfo n = after.get(e.getKey());
            RuleInfo o = e.getValue();
            if (n == null) {
                out.add(new Change(e.getKey(), "removed", o.location(), null, List.of()));
                continue;
            }
            List<String> changes = new ArrayList<>();
            List<String> ot = numbers(o.conditions() + " " + o.consequence());
            List<String> nt = numbers(n.conditions() + " " + n.consequence());
            if (!ot.equals(nt)) changes.add("thresholds: " + numberDiff(ot, nt));
            for (String name : namedThresholds(n.conditions() + " " + n.consequence())) {
                if (!oldThresholds.has(name) || !newThresholds.has(name)) continue;
                double ov = oldThresholds.value(name);
                double nv = newThresholds.value(name);
                if (Double.compare(ov, nv) != 0) {
                    changes.add("thresholds: " + name + " " + oldThresholds.text(name) + " -> " + newThresholds.text(name)
                            + " (" + ThresholdsFile.FILE + ")");
                }
            }
            if (!Objects.equals(normal(o.conditions()), normal(n.conditions()))) {
                changes.add("conditions: '" + normal(o.conditions()) + "' -> '" + normal(n.conditions()) + "'");
            }
            if (!Objects.equals(normal(o.consequence()), normal(n.consequence()))) changes.add("consequence changed");
            meta(changes, "name", o.name(), n.name());
            meta(changes, "@severity", o.severity(), n.severity());
            meta(changes, "@topic", o.topic(), n.topic());
            meta(changes, "@sources", String.join(", ", o.sources()), String.join(", ", n.sources()));
            meta(changes, "@description", o.description(), n.description());
            meta(changes, "file", o.file(), n.file());
            Map<String, String> oa = oldAttributes.getOrDefault(o.name(), Map.of());
            Map<String, String> na = newAttributes.getOrDefault(n.name(), Map.of());
            java.util.TreeSet<String> keys = new java.util.TreeSet<>(oa.keySet());
            keys.addAll(na.keySet());
            for (String k : keys) meta(changes, k, oa.get(k), na.get(k));
            if (!changes.isEmpty()) out.add(new Change(e.getKey(), "changed", o.location(), n.location(), changes));
        }
        for (var e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) out.add(new Change(e.getKey(), "added", null, e.getValue().location(), List.of()));
        }
        return out;
    }

    /** Rule name -> attribute -> value, for every rule of a folder that parses. */
    public static Map<String, Map<String, String>> attributes(dev.ftadvisor.io.ResourceFolder folder) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String file : folder.list(".drl")) {
            DrlSource src = DrlSource.parse(file, folder.read(file));
            if (src.pkg() == null) continue;
            for (var r : src.pkg().getRules()) {
                Map<String, String> attrs = new java.util.TreeMap<>();
                r.getAttributes().forEach((k, v) -> attrs.put(k, v.getValue()));
                out.put(r.getName(), attrs);
            }
        }
        return out;
    }

    private static void meta(List<String> changes, String what, String a, String b) {
        if (!Objects.equals(a, b)) changes.add(what + ": '" + a + "' -> '" + b + "'");
    }

    private static Map<String, RuleInfo> byKey(List<RuleInfo> rules) {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (RuleInfo r : rules) m.putIfAbsent(r.id() != null ? r.id() : r.name(), r);
        return m;
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Number literals outside string literals and comments, in order. */
    static List<String> numbers(String code) {
        String blanked = DrlSource.blank(code, true);
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(blanked);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static String numberDiff(List<String> a, List<String> b) {
        if (a.size() == b.size()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) parts.add(a.get(i) + " -> " + b.get(i));
            }
            return String.join(", ", parts);
        }
        return a + " -> " + b;
    }
}

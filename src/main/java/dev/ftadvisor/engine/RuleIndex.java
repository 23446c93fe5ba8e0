package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses every DRL file of a rules folder (without compiling it) into {@link RuleInfo}s: name,
 * metadata, file and line, conditions and consequence text. Findings take their file:line from
 * here; {@code rules list}, lint and diff read it too.
 */
public final class RuleIndex {
    private final Map<String, RuleInfo> byName = new LinkedHashMap<>();
    private final List<RuleProblem> parseProblems = new ArrayList<>();
    /** Per rule name, what RuleOutput stamps on every finding of that rule (filled on first firing). */
    final java.util.concurrent.ConcurrentHashMap<String, Object> identities = new java.util.concurrent.ConcurrentHashMap<>();

    private RuleIndex() {
    }

    /** An index read back from a compiled module (no DRL parsing). */
    public static RuleIndex of(List<RuleInfo> rules) {
        RuleIndex index = new RuleIndex();
        for (RuleInfo r : rules) {
            index.byName.put(r.name(), r);
        }
        return index;
    }

    public static RuleIndex of(ResourceFolder folder) {
        RuleIndex index = new RuleIndex();
        // a description names its thresholds as {memory.headroom}: it reads with the folder's values
        dev.ftadvisor.model.Thresholds thresholds = ThresholdsFile.load(folder);
        for (String file : folder.list(".drl")) {
            index.parse(file, folder.read(file), thresholds);
        }
        return index;
    }

    private void parse(String file, String text, dev.ftadvisor.model.Thresholds thresholds) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            parseProblems.add(new RuleProblem(file, e.getLineNumber(), e.getColumn(), e.getMessage()));
            return;
        }
        if (parser.hasErrors()) {
            for (DroolsError err : parser.getErrors()) {
                int line = err.getLines() != null && err.getLines().length > 0 ? err.getLines()[0] : 1;
                int col = err instanceof ParserError pe ? pe.getCol() + 1 : 1;
                parseProblems.add(new RuleProblem(file, line, col, err.getMessage()));
            }
        }
        if (pkg == null) return;
        String[] lines = text.split("\n", -1);
        for (RuleDescr r : pkg.getRules()) {
            String id = annotation(r, "id");
            String conditions = r.getLhs() == null ? "" : slice(lines, r.getLine(), r.getConsequenceLine(), "when", "then");
            String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString().strip();
            byName.put(r.getName(), new RuleInfo(r.getName(), id, splitList(annotation(r, "sources")),
                    annotation(r, "severity"), annotation(r, "topic"), thresholds.expand(annotation(r, "description")), file,
                    r.getLine(), pkg.getName(), conditions, consequence));
        }
    }

    private static String annotation(RuleDescr r, String name) {
        AnnotationDescr a = r.getAnnotation(name);
        if (a == null || a.getValue() == null) return null;
        return AnnotationDescr.unquote(a.getValue().toString()).strip();
    }

    static List<String> splitList(String value) {
        if (value == null || value.isBlank()) return List.of();
        // List.copyOf: a list findings can share as is (List.copyOf of a Stream.toList() result copies again)
        return List.copyOf(Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
    }

    /** The text between the "when" and "then" keywords of a rule, whitespace-normalised. */
    private static String slice(String[] lines, int from, int to, String start, String end) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from - 1); i < Math.min(lines.length, Math.max(from, to)); i++) {
            sb.append(lines[i]).append('\n');
        }
        String text = sb.toString();
        int w = text.indexOf("\n" + start);
        if (w < 0) w = text.indexOf(start);
        int t = text.lastIndexOf(end);
        if (w < 0 || t < 0 || t <= w) return text.strip();
        return text.substring(w + start.length() + 1, t).replaceAll("//[^\n]*", "").replaceAll("\\s+", " ").strip();
    }

    public List<RuleInfo> rules() {
        return List.copyOf(byName.values());
    }

    public RuleInfo byName(String name) {
        return byName.get(name);
    }

    public List<RuleProblem> parseProblems() {
        return List.copyOf(parseProblems);
    }
}

package dev.ftadvisor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.model.Thresholds;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rules folder's {@code thresholds.yaml}: {@code thresholds: {name: {value, unit, why}}}. A folder
 * without one has no named thresholds (its rules compare literals). Every problem names the file, the
 * threshold and what was expected, as a rules-folder problem (exit 3).
 */
public final class ThresholdsFile {
    public static final String FILE = "thresholds.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ThresholdsFile() {
    }

    public static Thresholds load(ResourceFolder folder) {
        if (!folder.exists(FILE)) return Thresholds.NONE;
        JsonNode root;
        try {
            root = YAML.readTree(folder.read(FILE));
        } catch (java.io.IOException e) {
            throw problem(folder, 1, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode list = root == null ? null : root.get("thresholds");
        if (list == null || !list.isObject()) throw problem(folder, 1, "expected a mapping 'thresholds:' of name: {value, unit, why}");
        Map<String, Thresholds.Threshold> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode t = e.getValue();
            if (!name.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
                throw problem(folder, line(folder, name), "threshold name '" + name + "': expected dotted lower-case words, e.g. memory.headroom");
            }
            if (t == null || !t.isObject() || !t.path("value").isNumber()) {
                throw problem(folder, line(folder, name), "threshold " + name + ": expected {value: NUMBER, unit: ..., why: ...}");
            }
            String why = t.path("why").asText("");
            if (why.isBlank()) throw problem(folder, line(folder, name), "threshold " + name + ": 'why' is missing (say where the number comes from)");
            Thresholds.Unit unit;
            try {
                unit = Thresholds.Unit.of(t.path("unit").asText(""));
            } catch (IllegalArgumentException ex) {
                throw problem(folder, line(folder, name), "threshold " + name + ": " + ex.getMessage());
            }
            out.put(name, new Thresholds.Threshold(name, t.get("value").asDouble(), unit, why));
        }
        return new Thresholds(out);
    }

    /** The line a threshold is declared on (for file:line messages). */
    public static int line(ResourceFolder folder, String name) {
        return lines(folder).getOrDefault(name, 1);
    }

    /** The line each threshold is declared on, read once (the mutation report names every one). */
    public static Map<String, Integer> lines(ResourceFolder folder) {
        Map<String, Integer> out = new java.util.HashMap<>();
        if (!folder.exists(FILE)) return out;
        List<String> lines = folder.read(FILE).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int colon = l.indexOf(':');
            if (colon > 0 && !l.startsWith("#")) out.putIfAbsent(l.substring(0, colon), i + 1);
        }
        return out;
    }

    private static RulesCompileException problem(ResourceFolder folder, int line, String message) {
        return new RulesCompileException(List.of(new RuleProblem(FILE, line, 1, message)));
    }
}

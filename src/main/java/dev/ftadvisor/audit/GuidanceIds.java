package dev.ftadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.io.ResourceFolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The guide's advice ids, from {@code guidance.yaml} in the rules folder (id -> text), in file order. */
public final class GuidanceIds {
    public static final String FILE = "guidance.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GuidanceIds() {
    }

    /** The ids and their text; a missing or unreadable file is a broken rules folder. */
    public static Map<String, String> load(ResourceFolder rules) {
        if (!rules.exists(FILE)) {
            throw new RulesCompileException(List.of(new RuleProblem(FILE, 1, 1,
                    "missing: the rules folder needs guidance.yaml listing every guidance id (guidance: - id: ...)")));
        }
        JsonNode root;
        try {
            root = YAML.readTree(rules.read(FILE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new RulesCompileException(List.of(new RuleProblem(FILE, line, 1, "not valid YAML: " + e.getOriginalMessage())));
        }
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("guidance");
        if (list == null || !list.isArray()) {
            throw new RulesCompileException(List.of(new RuleProblem(FILE, 1, 1, "expected a top-level 'guidance:' list of {id, section, text}")));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i).get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                problems.add(new RuleProblem(FILE, 1, 1, "guidance[" + i + "]: missing id"));
            } else {
                JsonNode text = list.get(i).get("text");
                ids.put(id.asText(), text == null ? "" : text.asText());
            }
        }
        if (!problems.isEmpty()) throw new RulesCompileException(problems);
        return ids;
    }
}

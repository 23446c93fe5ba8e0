package dev.ftadvisor.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ftadvisor.engine.RuleProblem;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.io.ResourceFolder;

import java.util.ArrayList;
import java.util.List;

/** Loads the scenario files of a rules folder ({@code tests/*.yaml}). */
public final class ScenarioFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    private ScenarioFile() {
    }

    public static List<Scenario> loadAll(ResourceFolder rules) {
        List<Scenario> all = new ArrayList<>();
        for (String file : rules.list(".yaml")) {
            if (file.startsWith("tests/")) all.addAll(load(rules, file));
        }
        return all;
    }

    public static List<Scenario> load(ResourceFolder rules, String file) {
        String text = rules.read(file);
        try {
            JsonNode root = YAML.readTree(text);
            JsonNode list = root == null ? null : root.get("scenarios");
            if (list == null || !list.isArray()) {
                throw new RulesCompileException(List.of(new RuleProblem(file, 1, 1, "expected a top-level 'scenarios:' list")));
            }
            List<Scenario> out = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            int searchFrom = 0;
            for (int i = 0; i < list.size(); i++) {
                Scenario s;
                try {
                    s = YAML.treeToValue(list.get(i), Scenario.class);
                } catch (JsonProcessingException e) {
                    throw new RulesCompileException(List.of(new RuleProblem(file, 1, 1,
                            "scenarios[" + i + "]: " + e.getOriginalMessage())));
                }
                if (s.name == null || s.proposal == null) {
                    throw new RulesCompileException(List.of(new RuleProblem(file, 1, 1,
                            "scenarios[" + i + "]: each scenario needs a name and a proposal")));
                }
                int line = 1;
                for (int l = searchFrom; l < lines.length; l++) {
                    if (lines[l].contains(s.name)) { line = l + 1; searchFrom = l + 1; break; }
                }
                s.location = file + ":" + line;
                out.add(s);
            }
            return out;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new RulesCompileException(List.of(new RuleProblem(file, line, 1, "not valid YAML: " + e.getOriginalMessage())));
        }
    }
}

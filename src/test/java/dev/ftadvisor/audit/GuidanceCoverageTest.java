package dev.ftadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.RuleIndex;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's coverage contract: every guidance id in rules/guidance.yaml is cited in the @sources of
 * at least one rule, or listed in rules/README.md's "Not encoded" table with a reason; and rules cite
 * only ids that exist.
 */
class GuidanceCoverageTest {
    private static final Pattern EXCLUDED_ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|\\s*(.*?)\\s*\\|\\s*$");

    static Set<String> guidanceIds() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TestSupport.RULES.resolve("guidance.yaml").toFile());
        Set<String> ids = new LinkedHashSet<>();
        root.get("guidance").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    static Set<String> cited() {
        Set<String> cited = new TreeSet<>();
        for (RuleInfo r : RuleIndex.of(ResourceFolder.ofDirectory(TestSupport.RULES)).rules()) {
            cited.addAll(r.sources());
        }
        return cited;
    }

    /** Ids in the README's "Not encoded" table, each with a non-empty reason. */
    static Set<String> excluded() throws IOException {
        Set<String> out = new TreeSet<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(TestSupport.RULES.resolve("README.md"))) {
            if (line.startsWith("|") && line.contains("Not encoded")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) inTable = false;
            if (!inTable) continue;
            Matcher m = EXCLUDED_ROW.matcher(line);
            if (m.matches() && !m.group(2).isBlank()) out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyGuidanceIdIsEncodedOrExcludedWithAReason() throws IOException {
        Set<String> missing = new TreeSet<>(guidanceIds());
        missing.removeAll(cited());
        missing.removeAll(excluded());
        assertThat(missing).as("guidance ids with no rule citing them and no 'Not encoded' row in rules/README.md").isEmpty();
    }

    @Test
    void rulesCiteOnlyKnownGuidanceIds() throws IOException {
        Set<String> unknown = new TreeSet<>(cited());
        unknown.removeAll(guidanceIds());
        assertThat(unknown).as("@sources ids that rules/guidance.yaml does not define").isEmpty();
    }

    @Test
    void excludedIdsExistAndAreNotAlsoEncoded() throws IOException {
        Set<String> excluded = excluded();
        assertThat(guidanceIds()).containsAll(excluded);
        Set<String> both = new TreeSet<>(excluded);
        both.retainAll(cited());
        assertThat(both).as("ids both cited by a rule and listed as not encoded").isEmpty();
    }
}

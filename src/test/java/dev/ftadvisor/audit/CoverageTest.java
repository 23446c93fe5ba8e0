package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    private static RuleInfo rule(String id, String... sources) {
        return new RuleInfo("rule " + id, id, List.of(sources), "info", "t", "d", "t.drl", 1, "p", "", "");
    }

    private static ScenarioResult fired(String name, String... ids) {
        Scenario s = new Scenario();
        s.name = name;
        s.location = "tests/t.yaml:1";
        return new ScenarioResult(s, List.of(), Set.of(ids));
    }

    @Test
    void reportsUncoveredIdsExclusionsAndUnfiredRules() {
        Map<String, String> guidance = new LinkedHashMap<>();
        for (String id : List.of("a.one", "a.two", "a.three", "a.four")) guidance.put(id, "");
        Coverage c = Coverage.of("sha256:x", guidance, List.of(rule("r.fired", "a.one"), rule("r.idle", "a.two")),
                Map.of("a.three", "not judgeable", "a.four", "", "z.unknown", "typo"),
                List.of(fired("s1", "r.fired")));
        assertThat(c.guidance()).containsEntry("a.one", List.of("r.fired")).containsEntry("a.three", List.of());
        assertThat(c.rules()).containsEntry("r.fired", List.of("tests/t.yaml:1 s1")).containsEntry("r.idle", List.of());
        assertThat(c.uncoveredIds()).containsExactly("a.four"); // listed without a reason: not justified
        assertThat(c.excludedIds()).containsOnlyKeys("a.three");
        assertThat(c.unknownExcludedIds()).containsExactly("z.unknown");
        assertThat(c.unfiredRules()).containsExactly("r.idle");
        assertThat(c.guidancePercent()).isEqualTo(75.0);
        assertThat(c.rulesPercent()).isEqualTo(50.0);
        assertThat(c.toText()).contains("a.four").contains("NO RULE").contains("NO SCENARIO FIRES IT").contains("sha256:x");
    }
}

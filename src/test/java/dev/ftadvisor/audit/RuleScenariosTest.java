package dev.ftadvisor.audit;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every scenario in rules/tests/ (the same ones `rules test` runs) as a JUnit test. */
class RuleScenariosTest {
    private static final ResourceFolder RULES = ResourceFolder.ofDirectory(TestSupport.RULES);

    @TestFactory
    Stream<DynamicTest> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(TestSupport.advisor());
        return ScenarioFile.loadAll(RULES).stream().map(s -> DynamicTest.dynamicTest(s.location + " " + s.name, () -> {
            ScenarioResult r = runner.run(s);
            if (!r.passed()) fail(String.join("\n", r.failures()));
        }));
    }

    /** House rule: each rule has a scenario that makes it fire and one that keeps it quiet. */
    @Test
    void everyRuleHasAFiringAndAQuietScenario() {
        List<Scenario> all = ScenarioFile.loadAll(RULES);
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Scenario s : all) {
            fires.addAll(s.expect.fires);
            s.expect.findings.forEach(f -> fires.add(f.rule));
            quiet.addAll(s.expect.quiet);
        }
        for (RuleInfo r : TestSupport.advisor().rules().index().rules()) {
            assertThat(fires).as("a scenario that makes %s (%s) fire", r.id(), r.location()).contains(r.id());
            assertThat(quiet).as("a scenario that keeps %s (%s) quiet", r.id(), r.location()).contains(r.id());
        }
    }
}

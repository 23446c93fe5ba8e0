package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.RuleIndex;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesDiffTest {
    private static RuleInfo rule(String id, String severity, String conditions, String consequence) {
        return new RuleInfo("rule " + id, id, List.of("vram.oom"), severity, "memory", "d", "memory.drl", 10, "p",
                conditions, consequence);
    }

    @Test
    void namesAddedRemovedAndWhatChangedInEachRule() {
        List<RuleInfo> before = List.of(
                rule("memory.headroom", "warning", "$c : Candidate( memoryPerGpuGb > gpuMemoryGb * 0.90 )",
                        "out.rank(drools, $c, -15, \"under the 10% margin {0}\", 1);"),
                rule("memory.gone", "info", "Candidate()", "x"),
                rule("memory.meta", "info", "Candidate()", "y"));
        List<RuleInfo> after = List.of(
                rule("memory.headroom", "warning", "$c : Candidate( memoryPerGpuGb > gpuMemoryGb * 0.80 )",
                        "out.rank(drools, $c, -15, \"under the 20% margin {0}\", 1);"),
                rule("memory.meta", "warning", "Candidate()", "y"),
                rule("memory.new", "info", "Candidate()", "z"));
        List<RulesDiff.Change> changes = RulesDiff.of(before, after);
        assertThat(changes).extracting(RulesDiff.Change::id, RulesDiff.Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("memory.headroom", "changed"),
                org.assertj.core.groups.Tuple.tuple("memory.gone", "removed"),
                org.assertj.core.groups.Tuple.tuple("memory.meta", "changed"),
                org.assertj.core.groups.Tuple.tuple("memory.new", "added"));
        // numbers inside the message are not thresholds; the message change shows as a consequence change
        assertThat(changes.get(0).changes()).contains("thresholds: 0.90 -> 0.80", "consequence changed");
        assertThat(changes.get(2).changes()).containsExactly("@severity: 'info' -> 'warning'");
    }

    @TempDir Path tmp;

    @Test
    void aSalienceChangeIsAnAttributeChange() {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "memory.drl", "salience 50", "salience 10");
        ResourceFolder before = ResourceFolder.ofDirectory(TestSupport.RULES);
        ResourceFolder after = ResourceFolder.ofDirectory(rules);
        List<RulesDiff.Change> changes = RulesDiff.of(RuleIndex.of(before).rules(), RuleIndex.of(after).rules(),
                RulesDiff.attributes(before), RulesDiff.attributes(after));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("memory.fit");
            assertThat(c.changes()).containsExactly("salience: '50' -> '10'");
        });
    }

    @Test
    void numbersAreLiteralsOutsideStrings() {
        assertThat(RulesDiff.numbers("Candidate( x > 24, y < 0.5 * z, name == \"a100-80\" ) $v2 rank(-15)"))
                .containsExactly("24", "0.5", "-15");
    }
}

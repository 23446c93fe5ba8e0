package dev.ftadvisor.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExclusionsTest {
    @Test
    void readsTheTableUnderANotEncodedHeading() {
        String md = """
                # Rules

                | id | rule |
                |----|------|
                | `vram.oom` | memory.fit |

                ## Not encoded (deliberately)

                | Guidance id | Why |
                |---|---|
                | `ops.security` | operational advice, nothing a proposal states can be judged |
                |software.cuda| the catalog has no driver versions |
                | `ops.monitoring` |  |

                ## Next section
                | `gpu.a100` | not an exclusion |
                """;
        var ex = Exclusions.parse(md);
        assertThat(ex).containsEntry("ops.security", "operational advice, nothing a proposal states can be judged")
                .containsEntry("software.cuda", "the catalog has no driver versions")
                .containsEntry("ops.monitoring", "")
                .doesNotContainKey("vram.oom").doesNotContainKey("gpu.a100");
    }

    @Test
    void readsATableWhoseHeaderSaysNotEncoded() {
        String md = """
                Some text.

                | Not encoded | Reason |
                | :--- | --- |
                | cost.autoscale | a serving concern, not a fine-tuning one |
                """;
        assertThat(Exclusions.parse(md)).containsOnlyKeys("cost.autoscale");
    }

    @Test
    void noSectionNoExclusions() {
        assertThat(Exclusions.parse("# Rules\n| `x.y` | z |\n")).isEmpty();
    }
}

package dev.ftadvisor.audit;

import dev.ftadvisor.model.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MutantFinderTest {
    private static final String DRL = """
            rule "r"
                @id("x.r")
                salience 50
            when
                $t : Thresholds()
                // a comment with 12 > 3 is not mutated
                Configuration( gpuCount > 1, name == "a > 2", ratio >= 0.75, vram < $t.value("x.limit"), p8b == true )
            then
                out.note(drools, "{0} > 5", 7);
            end
            """;

    @Test
    void conditionsGiveOperatorAndLiteralMutantsOutsideStringsCommentsAndNames() {
        Map<String, List<String>> readers = new TreeMap<>();
        List<Mutant> ms = MutantFinder.inConditions("r.drl", DRL, readers);
        assertThat(ms).extracting(Mutant::change).containsExactly(
                "'>' -> '<='", "1 -> 0", "1 -> 2", "'==' -> '!='", "'>=' -> '<'", "0.75 -> 0.375", "0.75 -> 0.875", "'<' -> '>='", "'==' -> '!='");
        assertThat(ms).allSatisfy(m -> assertThat(m.rule()).isEqualTo("x.r"));
        assertThat(ms.get(0).location()).isEqualTo("r.drl:7:29");
        assertThat(readers).containsEntry("x.limit", List.of("x.r"));
        // the edit lands exactly on the token
        assertThat(ms.get(0).apply(DRL)).contains("gpuCount <= 1").contains("salience 50");
        assertThat(ms.get(5).apply(DRL)).contains("ratio >= 0.375");
    }

    @Test
    void thresholdsMoveDownAndUpAndAFractionStaysUnderOne() {
        Thresholds.Threshold share = new Thresholds.Threshold("a.share", 0.9, Thresholds.Unit.FRACTION, "why");
        Thresholds.Threshold gb = new Thresholds.Threshold("a.gb", 24, Thresholds.Unit.GB, "why");
        assertThat(MutantFinder.moves(share)).containsExactly(0.45, 0.95);
        assertThat(MutantFinder.moves(gb)).containsExactly(12, 48);
        assertThat(MutantFinder.moves("0")).containsExactly("1");
        assertThat(MutantFinder.moves("8")).containsExactly("4", "16");
        assertThat(new Thresholds(Map.of("a.share", share)).with("a.share", 0.55).text("a.share")).isEqualTo("55%");
    }
}

package dev.ftadvisor.report;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.Localizer;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TextRendererTest {
    private static final Localizer LOCALIZER = Localizer.forRules(ResourceFolder.ofDirectory(TestSupport.RULES));

    private static Outcome consult(String json) {
        return TestSupport.advisor().consult(TestSupport.proposal(json), false);
    }

    @Test
    void englishReportNamesEveryPlanReasonWithRuleFileAndGuide() {
        Outcome o = consult("{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"},\"budgetUsd\":500}");
        String text = new TextRenderer().render(ReportBuilder.build(o, "2026-11-25", false));
        assertThat(text).startsWith("ftadvisor consultation: test").contains("Verdict: FEASIBLE")
                .contains("Plans (").contains("GB per GPU of").containsPattern("\\(\\S+ @ \\S+\\.drl:\\d+; guide ")
                .contains("catalog as of 2026-11-25");
    }

    @Test
    void chineseReportTranslatesHeadingsFindingsAndChanges() throws Exception {
        String json = Files.readString(Path.of("facts/proposals/llama2-70b-full-300usd.json"));
        Outcome zh = LOCALIZER.localize(consult(json), Lang.ZH);
        Report report = ReportBuilder.build(zh, "2026-11-25", false);
        String text = new TextRenderer(Lang.ZH).render(report);
        assertThat(text).startsWith("ftadvisor 咨询：").contains("结论: 不可行").contains("方案（显示")
                .contains("可使其可行的调整").contains("目录日期 2026-11-25").doesNotContain("Plans (");
        assertThat(report.changes()).isNotEmpty();
        // a change's description is its accepting rule's message, translated with the other findings
        assertThat(report.changes().get(0).description()).containsPattern("\\p{IsHan}");
    }
}

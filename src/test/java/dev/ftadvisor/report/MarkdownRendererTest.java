package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {
    @Test
    void planTableWithOneRowPerPlanAndReasonsWithTheirRules() {
        Report r = Reports.of(Reports.PROPOSAL, Lang.EN);
        String md = new MarkdownRenderer(Lang.EN).render(r);
        assertThat(md).startsWith("# ftadvisor consultation: test").contains("**Verdict: ");
        long rows = md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count();
        assertThat(rows).isEqualTo(r.plans().size());
        Report.Reason reason = r.plans().get(0).reasons().get(0);
        assertThat(md).contains("`" + reason.id() + "` @ " + reason.ruleFile() + ":" + reason.ruleLine());
    }

    @Test
    void chineseHeadings() {
        String md = new MarkdownRenderer(Lang.ZH).render(Reports.of(Reports.PROPOSAL, Lang.ZH));
        assertThat(md).startsWith("# ftadvisor 咨询：test").contains("## 估算").contains("| 云厂商 |");
    }
}

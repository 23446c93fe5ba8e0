package dev.ftadvisor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.i18n.Lang;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlRendererTest {
    @Test
    void aSelfContainedPageWithThePlansAndThePlotData() throws Exception {
        Report r = Reports.of(Reports.PROPOSAL, Lang.EN);
        String html = new HtmlRenderer(Lang.EN, 5.0, 2.0).render(r);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"plans\">")
                .contains("uPlot").contains("ftadvisorPlot(document)")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(count(html, "<tr class=\"plan\">")).isEqualTo(r.plans().size());
        Matcher m = Pattern.compile("<script type=\"application/json\">(.*?)</script>").matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode data = new ObjectMapper().readTree(m.group(1));
        assertThat(data.get("budget").asDouble()).isEqualTo(5.0);
        assertThat(data.get("deadline").asDouble()).isEqualTo(2.0);
        assertThat(data.get("points")).hasSize(r.plans().size());
        assertThat(data.get("points").get(0).get("cost").asDouble()).isEqualTo(r.plans().get(0).costUsd());
        // every plan reason names its rule, file:line and guide ids
        Report.Reason reason = r.plans().get(0).reasons().get(0);
        assertThat(html).contains("rule " + reason.id() + " @ " + reason.ruleFile() + ":" + reason.ruleLine());
    }

    @Test
    void chineseReportUsesTranslatedWordsAndRuleMessages() {
        Report r = Reports.of(Reports.PROPOSAL, Lang.ZH);
        String html = new HtmlRenderer(Lang.ZH, 5.0, 2.0).fragment(r);
        assertThat(html).contains("lang=\"zh\"").contains("结论").contains("云厂商").contains("竞价实例随时可能被回收")
                .doesNotContain("<html");
    }

    @Test
    void noBudgetOrDeadlineMeansNoLines() throws Exception {
        Report r = Reports.of("{\"model\":\"llama-3-8b\",\"dataset\":{\"tokens\":\"1M\"}}", Lang.EN);
        String html = new HtmlRenderer(Lang.EN, null, null).fragment(r);
        Matcher m = Pattern.compile("<script type=\"application/json\">(.*?)</script>").matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(new ObjectMapper().readTree(m.group(1)).get("budget").isNull()).isTrue();
    }

    @Test
    void escapesText() {
        assertThat(HtmlRenderer.esc("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}

package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.Localizer;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.model.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalizerTest {
    @Test
    void chineseFindingsKeepTheRuleAndItsNumbers() {
        Outcome en = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-3-70b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"20M\"},\"budgetUsd\":50}"), false);
        Outcome zh = Localizer.forRules(ResourceFolder.ofDirectory(Path.of("rules"))).localize(en, Lang.ZH);
        assertThat(zh.findings()).hasSameSizeAs(en.findings());
        Finding fit = zh.findings().stream().filter(f -> f.getId().equals("memory.fit")).findFirst().orElseThrow();
        Finding fitEn = en.findings().stream().filter(f -> f.getId().equals("memory.fit")).findFirst().orElseThrow();
        assertThat(fit.getMessage()).startsWith("每块 GPU 需要").contains(fitEn.getArgs().get(0).toString());
        assertThat(fit.getRuleFile()).isEqualTo(fitEn.getRuleFile());
        assertThat(fit.getEffect()).isEqualTo(fitEn.getEffect());
        assertThat(zh.verdict().getValue()).isEqualTo(en.verdict().getValue());
        assertThat(zh.verdict().getSummary()).doesNotContain("plan").isNotEqualTo(en.verdict().getSummary());
        assertThat(Localizer.forRules(ResourceFolder.ofDirectory(Path.of("rules"))).localize(en, Lang.EN)).isSameAs(en);
    }
}

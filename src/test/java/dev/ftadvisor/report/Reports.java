package dev.ftadvisor.report;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.Localizer;

/** Real reports for renderer tests: the project's rules and facts on a proposal. */
final class Reports {
    static final String PROPOSAL = "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"},"
            + "\"budgetUsd\":5,\"deadlineHours\":2}";

    static Report of(String json, Lang lang) {
        Advisor a = TestSupport.advisor();
        var outcome = Localizer.forRules(a.rules().folder()).localize(a.consult(TestSupport.proposal(json), false), lang);
        return ReportBuilder.build(outcome, a.catalog().asOf(), false);
    }

    private Reports() {
    }
}

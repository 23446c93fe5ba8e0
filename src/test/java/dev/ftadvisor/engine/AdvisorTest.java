package dev.ftadvisor.engine;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The phases of a consultation: hardware gates on configurations, then candidates, then plans and verdict. */
class AdvisorTest {
    private static final String PROPOSAL = "{\"model\":\"llama-3-8b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"20M\"},"
            + "\"budgetUsd\":60,\"spotAllowed\":false}";

    @Test
    void aRejectedConfigurationTakesItsCandidatesWithItAndIsJudgedOnce() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(PROPOSAL), false);
        List<Finding> fits = o.findings().stream().filter(f -> f.getId().equals("memory.fit")).toList();
        assertThat(fits).isNotEmpty().allSatisfy(f -> assertThat(f.getSubject()).isInstanceOf(Configuration.class));
        Set<Object> rejectedConfigurations = o.findings().stream().filter(Finding::isRejecting)
                .map(Finding::getSubject).filter(s -> s instanceof Configuration).collect(Collectors.toSet());
        // one finding per rejected configuration, whatever its number of pricing models
        assertThat(fits).extracting(Finding::getSubject).doesNotHaveDuplicates();
        // the candidates of a rejected configuration were never judged: no finding names them
        Set<Object> judged = o.findings().stream().map(Finding::getSubject).collect(Collectors.toSet());
        for (Candidate c : o.candidates()) {
            if (rejectedConfigurations.contains(c.getConfiguration())) assertThat(judged).doesNotContain(c);
        }
    }

    @Test
    void thePricingGateRejectsCandidatesBeforeAnyOtherCandidateRule() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(PROPOSAL), false);
        List<Finding> spot = o.findings().stream().filter(f -> f.getId().equals("pricing.spot-not-allowed")).toList();
        assertThat(spot).isNotEmpty().allSatisfy(f -> {
            assertThat(f.getSubject()).isInstanceOf(Candidate.class);
            assertThat(((Candidate) f.getSubject()).getPricing()).isEqualTo("spot");
        });
        // a rejected spot candidate gets no budget or deadline finding of its own
        Set<Object> rejectedSpot = spot.stream().map(Finding::getSubject).collect(Collectors.toSet());
        assertThat(o.findings()).filteredOn(f -> rejectedSpot.contains(f.getSubject()))
                .extracting(Finding::getId).containsOnly("pricing.spot-not-allowed");
        assertThat(o.findings()).extracting(Finding::getId).contains("budget.over");
    }

    @Test
    void theReportListsRejectedConfigurationsOnceWithTheirPricingModelsAndCountsTheStandingPlans() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(PROPOSAL), false);
        Report report = ReportBuilder.build(o, "test", false);
        assertThat(report.rejected()).extracting(r -> r.provider() + "/" + r.instanceType() + "/" + r.region() + "/" + r.nodes())
                .doesNotHaveDuplicates();
        Report.Rejected memory = report.rejected().stream()
                .filter(r -> r.reasons().stream().anyMatch(x -> x.id().equals("memory.fit"))).findFirst().orElseThrow();
        assertThat(memory.pricing()).contains("on-demand", "spot");
        assertThat(memory.reasons()).extracting(Report.Reason::id).containsExactly("memory.fit");
        assertThat(report.plans()).isNotEmpty().allSatisfy(p -> assertThat(p.pricing()).isNotEqualTo("spot"));

        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        long standing = o.candidates().stream().filter(c -> ReportBuilder.best(List.of(c),
                dev.ftadvisor.report.PlanFindings.of(o.findings())) != null).count();
        assertThat(o.verdict().getSummary()).contains("of the " + standing + " plans no rule rejected");
    }
}

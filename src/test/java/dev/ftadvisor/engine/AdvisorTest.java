package dev.ftadvisor.engine;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;
import dev.ftadvisor.audit.RulesCopy;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
        dev.ftadvisor.ranking.PlanFindings by = dev.ftadvisor.ranking.PlanFindings.of(o.findings());
        long standing = o.candidates().stream().filter(c -> !by.isRejected(c)).count();
        assertThat(o.verdict().getSummary()).contains("of the " + standing + " plans no rule rejected");
    }

    private static final String RULE = """

            rule "%s"
                @id("%s")
                @sources("choose.pricing")
                @severity("blocker")
                @topic("pricing")
                @description("test rule")
                %s
            when
                %s
            then
                %s
            end
            """;

    /** The bundled rules plus test rules appended to pricing.drl (which then also imports Configuration). */
    private static Advisor advisorWith(Path tmp, String... rules) {
        Path copy = RulesCopy.of(tmp);
        RulesCopy.edit(copy, "pricing.drl", "import dev.ftadvisor.model.Candidate;",
                "import dev.ftadvisor.model.Candidate;\nimport dev.ftadvisor.model.Configuration;");
        for (String rule : rules) RulesCopy.append(copy, "pricing.drl", rule);
        return new Advisor(RuleCompiler.load(ResourceFolder.ofDirectory(copy)), TestSupport.catalog());
    }

    @Test
    void aConfigurationRejectedAfterTheGatesTakesItsCandidatesOut(@TempDir Path tmp) {
        Advisor advisor = advisorWith(tmp, RULE.formatted("No L4", "test.no-l4", "salience 200",
                "$c : Configuration( gpu == \"L4\" )", "out.reject(drools, $c, \"no L4 in this test\");"));
        Outcome o = advisor.consult(TestSupport.proposal(PROPOSAL), false);
        List<Configuration> l4 = o.candidates().stream().map(Candidate::getConfiguration)
                .filter(c -> c.getGpu().equals("L4")).distinct().toList();
        assertThat(l4).isNotEmpty();
        Set<Object> judged = o.findings().stream().filter(f -> !f.getId().equals("test.no-l4"))
                .map(Finding::getSubject).collect(Collectors.toSet());
        // its candidates were already in working memory: they left with it, unjudged by the pricing rules
        assertThat(o.candidates()).filteredOn(c -> l4.contains(c.getConfiguration()))
                .allSatisfy(c -> assertThat(judged).doesNotContain(c));
        Report report = ReportBuilder.build(o, "test", false);
        assertThat(report.plans()).noneSatisfy(p -> assertThat(p.gpu()).isEqualTo("L4"));
    }

    @Test
    void aRuleMayRejectAConfigurationItDidNotMatch(@TempDir Path tmp) {
        Advisor advisor = advisorWith(tmp, RULE.formatted("No A10G on demand", "test.no-a10g", "salience 200",
                "$c : Candidate( gpu == \"A10G\", pricing == \"on-demand\" )",
                "out.reject(drools, $c.getConfiguration(), \"no A10G in this test\");"));
        Outcome o = advisor.consult(TestSupport.proposal(PROPOSAL), false);
        Report report = ReportBuilder.build(o, "test", false);
        assertThat(report.plans()).noneSatisfy(p -> assertThat(p.gpu()).isEqualTo("A10G"));
        // the A10G configurations the gates left (the single 8-GPU nodes; the smaller ones do not fit, and several
        // g5 nodes have no RDMA fabric) are rejected by the test rule, all pricing models with them
        assertThat(report.rejected()).filteredOn(r -> r.gpu().equals("A10G"))
                .filteredOn(r -> r.reasons().stream().noneMatch(x -> x.id().equals("memory.fit")
                        || x.id().equals("interconnect.multinode-rdma"))).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.reasons()).extracting(Report.Reason::id).containsExactly("test.no-a10g");
                    assertThat(r.pricing()).contains("on-demand", "spot");
                });
    }

    @Test
    void theVerdictCountsThePlansLeftAfterThePlansPhase(@TempDir Path tmp) {
        Advisor advisor = advisorWith(tmp, RULE.formatted("Nothing stands", "test.nothing-stands", "ruleflow-group \"plans\"",
                "StandingPlans( $cs : candidates )\n    $c : Candidate() from $cs", "out.reject(drools, $c, \"nothing in this test\");"));
        Outcome o = advisor.consult(TestSupport.proposal(PROPOSAL), false);
        assertThat(o.verdict().getValue()).isNotEqualTo(Verdict.FEASIBLE);
        assertThat(ReportBuilder.build(o, "test", false).plans()).isEmpty();
    }
}

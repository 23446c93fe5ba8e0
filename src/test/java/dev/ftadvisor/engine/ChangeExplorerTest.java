package dev.ftadvisor.engine;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Verdict;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;
import dev.ftadvisor.report.TextRenderer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The changes phase: variants are measured in Java, offered by rules, reported with their plans. */
class ChangeExplorerTest {

    @Test
    void infeasibleProposalGetsCostedChanges() throws Exception {
        String json = Files.readString(Path.of("facts/proposals/llama2-70b-full-300usd.json"));
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(json), false);

        assertThat(o.verdict().getValue()).isEqualTo(Verdict.INFEASIBLE);
        assertThat(o.acceptedChanges()).isNotEmpty();
        assertThat(o.acceptedChanges()).extracting(ChangeOption::getKind).contains("budget", "method");
        for (ChangeOption c : o.acceptedChanges()) {
            assertThat(c.getCostUsd()).as("cost of %s", c).isPositive();
            assertThat(c.getReason()).as("the accepting rule's message for %s", c).isNotBlank();
        }
        // every method change here also needs more budget than the 300 USD asked
        assertThat(o.acceptedChanges()).filteredOn(c -> c.getKind().equals("method"))
                .allSatisfy(c -> assertThat(c.getBudgetUsd()).isGreaterThan(300));

        Report report = ReportBuilder.build(o, "test", false);
        assertThat(report.changes()).isNotEmpty().hasSizeLessThanOrEqualTo(ReportBuilder.MAX_CHANGES);
        assertThat(report.changes()).allSatisfy(ch -> {
            assertThat(ch.plan()).isNotNull();
            assertThat(ch.plan().costUsd()).isPositive();
            assertThat(ch.reasons()).extracting(Report.Reason::id).allMatch(id -> id.startsWith("changes."));
        });
        // smallest first: single changes (budget alone) before method + budget
        assertThat(report.changes().get(0).kind()).isEqualTo("budget");
        assertThat(new TextRenderer().render(report)).contains("Changes that would make it work:");
    }

    @Test
    void singleModestChangeGivesFeasibleWithChanges() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-2-70b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"5M\"},"
                        + "\"providers\":[\"azure\"],\"multiNodeAllowed\":false}"), false);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE_WITH_CHANGES);
        assertThat(o.acceptedChanges()).extracting(ChangeOption::getKind).contains("multi-node");
        ChangeOption multiNode = o.acceptedChanges().stream().filter(c -> c.getKind().equals("multi-node")).findFirst().orElseThrow();
        assertThat(multiNode.getPlan().getNodes()).isGreaterThan(1);
        assertThat(multiNode.getPlan().getProvider()).isEqualTo("azure");
    }

    @Test
    void feasibleProposalExploresNothing() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"}}"), false);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        assertThat(o.changes()).isEmpty();
    }

    @Test
    void variantsAreBounded() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-2-70b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"5M\"},\"providers\":[\"aliyun\"],"
                        + "\"spotAllowed\":false,\"multiNodeAllowed\":false,\"sequenceLength\":4096,\"budgetUsd\":10,\"deadlineHours\":1}"), false);
        // one budget and one deadline option per variant at most, plus the two from the proposal itself
        assertThat(o.changes().size()).isLessThanOrEqualTo(2 * (ChangeExplorer.MAX_VARIANTS + 1));
    }
}

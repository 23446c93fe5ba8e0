package dev.ftadvisor.report;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.model.Candidate;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {

    @Test
    void theShownPlansAreTheFirstOfAFullRankingOfTheStandingCandidates() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"200M\"},\"budgetUsd\":40,\"deadlineHours\":10}"), false);
        PlanFindings by = PlanFindings.of(o.findings());
        // the order the report promises, written out in full: fewer misses, higher score, cheaper, key
        List<Candidate> fullRanking = o.candidates().stream().filter(c -> !by.isRejected(c))
                .sorted(Comparator.comparingInt(by::constraintMisses)
                        .thenComparing(Comparator.comparingDouble(by::rankScore).reversed())
                        .thenComparingDouble(Candidate::getCostUsd)
                        .thenComparing(Candidate::getKey))
                .toList();
        assertThat(fullRanking.size()).isGreaterThan(ReportBuilder.MAX_PLANS);

        Report report = ReportBuilder.build(o, "test", false);

        assertThat(report.plans()).extracting(p -> p.provider() + "/" + p.instanceType() + "/" + p.region() + "/x" + p.nodes() + "/" + p.pricing())
                .containsExactlyElementsOf(fullRanking.subList(0, ReportBuilder.MAX_PLANS).stream().map(Candidate::getKey).toList());
        assertThat(ReportBuilder.best(o.candidates(), by)).isSameAs(fullRanking.get(0));
        // each plan's reasons are its configuration's findings and its own, and its score their sum
        assertThat(report.plans().get(0).rankScore()).isEqualTo(by.rankScore(fullRanking.get(0)));
        assertThat(report.plans().get(0).reasons()).hasSameSizeAs(by.of(fullRanking.get(0)));
    }
}

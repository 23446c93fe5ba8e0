package dev.ftadvisor.report;

import dev.ftadvisor.ranking.PlanFindings;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.model.Candidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {

    private static String key(Report.Plan p) {
        return p.provider() + "/" + p.instanceType() + "/" + p.region() + "/x" + p.nodes() + "/" + p.pricing();
    }

    @Test
    void theShownPlansFollowTheEnginesRankingWithNearIdenticalPlansFoldedIntoOneLine() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"200M\"},\"budgetUsd\":40,\"deadlineHours\":10}"), false);
        PlanFindings by = PlanFindings.of(o.findings());
        assertThat(o.ranking().size()).isGreaterThan(ReportBuilder.MAX_PLANS);

        Report report = ReportBuilder.build(o, "test", false);

        // the first line is the ranking's first plan, and it is the recommendation
        assertThat(key(report.plans().get(0))).isEqualTo(o.ranking().get(0).getKey());
        assertThat(report.recommendation().rank()).isEqualTo(1);
        // every plan ranked above a shown line is itself shown or folded into a line shown above it
        List<String> shownOrFolded = new ArrayList<>();
        for (Report.Plan p : report.plans()) {
            int at = indexOf(o.ranking(), key(p));
            for (Candidate above : o.ranking().subList(0, at)) {
                assertThat(shownOrFolded).as("ranked above %s", key(p)).contains(above.getKey());
            }
            shownOrFolded.add(key(p));
            p.also().forEach(a -> o.ranking().stream()
                    .filter(c -> (c.getProvider() + " " + c.getInstanceType() + " (" + c.getRegion() + ")").equals(a)
                            && c.getPricing().equals(p.pricing()) && c.getNodes() == p.nodes())
                    .forEach(c -> shownOrFolded.add(c.getKey())));
            if (report.plans().indexOf(p) >= ReportBuilder.MAX_PLANS) break;
        }
        // each plan's score is the sum of its findings' weights
        Candidate first = o.ranking().get(0);
        assertThat(report.plans().get(0).rankScore()).isEqualTo(by.rankScore(first));
    }

    private static int indexOf(List<Candidate> ranking, String key) {
        for (int i = 0; i < ranking.size(); i++) if (ranking.get(i).getKey().equals(key)) return i;
        throw new AssertionError("not ranked: " + key);
    }
}

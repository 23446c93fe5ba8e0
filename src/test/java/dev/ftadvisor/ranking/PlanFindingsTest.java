package dev.ftadvisor.ranking;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Judged;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFindingsTest {
    private static final Configuration P4D = configuration("aws/p4d.24xlarge/us-east-1/x1");
    private static final Candidate ON_DEMAND = candidate(P4D, "on-demand");
    private static final Candidate SPOT = candidate(P4D, "spot");

    private static Configuration configuration(String key) {
        return Configuration.builder().setKey(key).build();
    }

    private static Candidate candidate(Configuration configuration, String pricing) {
        return Candidate.builder(configuration).setKey(configuration.getKey() + "/" + pricing).setPricing(pricing).build();
    }

    private static Finding finding(String id, Judged about, String effect) {
        return finding(id, about, effect, 0);
    }

    private static Finding finding(String id, Judged about, String effect, double weight) {
        return Finding.of(id, id, "x.drl", 1, "info", "t", List.of()).message(id).candidateKey(about == null ? null : about.getKey())
                .effect(effect).rankWeight(weight).facts(Map.of()).about(about).build();
    }

    @Test
    void rankingReadsTheConfigurationsFindingsAndTheCandidatesOwn() {
        PlanFindings by = PlanFindings.of(List.of(
                finding("memory.headroom", P4D, Finding.EFFECT_RANK, -15),
                finding("gpu.a100", P4D, Finding.EFFECT_RANK, 5),
                finding("budget.over", SPOT, Finding.EFFECT_OVER_BUDGET),
                finding("budget.deadline", SPOT, Finding.EFFECT_OVER_DEADLINE),
                finding("pricing.reserved-short", ON_DEMAND, Finding.EFFECT_RANK, -5)));
        assertThat(by.rankScore(ON_DEMAND)).isEqualTo(-15);
        assertThat(by.rankScore(SPOT)).isEqualTo(-10);
        assertThat(by.misses(SPOT)).isEqualTo(2);
        assertThat(by.misses(ON_DEMAND)).isZero();
        assertThat(by.isRejected(SPOT)).isFalse();

        Finding fit = finding("memory.fit", P4D, Finding.EFFECT_REJECT);
        PlanFindings rejected = PlanFindings.of(List.of(fit));
        assertThat(rejected.isRejected(SPOT)).isTrue();
        assertThat(rejected.isRejected(ON_DEMAND)).isTrue();
    }

    @Test
    void aCandidateHasItsConfigurationsFindingsAndItsOwnInFiringOrder() {
        Finding headroom = finding("memory.headroom", P4D, Finding.EFFECT_RANK);
        Finding budget = finding("budget.over", SPOT, Finding.EFFECT_OVER_BUDGET);
        Finding note = finding("choose.budget", null, Finding.EFFECT_NONE);
        Finding a100 = finding("gpu.a100", P4D, Finding.EFFECT_RANK);
        PlanFindings by = PlanFindings.of(List.of(headroom, budget, note, a100));

        assertThat(by.of(SPOT)).containsExactly(headroom, budget, a100);
        assertThat(by.of(ON_DEMAND)).containsExactly(headroom, a100);
        assertThat(by.general()).containsExactly(note);
        assertThat(by.isOverBudget(SPOT)).isTrue();
        assertThat(by.isOverBudget(ON_DEMAND)).isFalse();
    }

    @Test
    void findingsWithOnlyAKeyAreMatchedByKey() {
        // a finding copied without its subject (as a translation could be) still names its configuration by key
        Finding byKey = Finding.of("memory.fit", "memory.fit", "memory.drl", 1, "blocker", "memory", List.of()).message("x")
                .candidateKey(P4D.getKey()).effect(Finding.EFFECT_REJECT).facts(Map.of()).build();
        Finding own = finding("budget.deadline", ON_DEMAND, Finding.EFFECT_OVER_DEADLINE);
        PlanFindings by = PlanFindings.of(List.of(own, byKey));

        assertThat(by.of(ON_DEMAND)).containsExactly(own, byKey);
        assertThat(by.isRejected(SPOT)).isTrue();
        assertThat(by.of(candidate(configuration("gcp/a2-highgpu-1g/us-central1/x1"), "spot"))).isEmpty();
    }
}

package dev.ftadvisor.estimate;

import dev.ftadvisor.model.InstanceSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostEstimatorTest {
    static InstanceSpec instance(double onDemand, Double spot, Double reserved, Integer termMonths) {
        InstanceSpec i = new InstanceSpec();
        i.provider = "aws";
        i.instanceType = "test.8x";
        i.gpuCount = 8;
        i.onDemandUsdHour = onDemand;
        i.spotUsdHour = spot;
        i.reservedUsdHour = reserved;
        i.reservedTermMonths = termMonths;
        return i;
    }

    @Test
    void onDemandBillsTheHoursOnEveryNode() {
        CostEstimator.Priced p = CostEstimator.onDemand(instance(30, null, null, null), 2, 10);
        assertThat(p.pricing()).isEqualTo("on-demand");
        assertThat(p.costUsd()).isCloseTo(600, within(1e-9));
        assertThat(p.billedHours()).isEqualTo(10);
    }

    @Test
    void spotUsesThePublishedPriceAndAddsExpectedRework() {
        CostEstimator.Priced p = CostEstimator.spot(instance(30, 9.0, null, null), 1, 100, 1.0);
        assertThat(p.usdPerHour()).isEqualTo(9.0);
        assertThat(p.basis()).isEqualTo("published");
        // 100 h x 0.02 interruptions/h = 2 interruptions, each losing 0.5 h of work + 0.25 h restart
        assertThat(p.reworkHours()).isCloseTo(1.5, within(1e-9));
        assertThat(p.hours()).isCloseTo(101.5, within(1e-9));
        assertThat(p.costUsd()).isCloseTo(101.5 * 9, within(1e-9));
    }

    @Test
    void spotWithoutAPublishedPriceFallsBackToTheGuidesRange() {
        CostEstimator.Priced p = CostEstimator.spot(instance(30, null, null, null), 1, 10, 1.0);
        assertThat(p.usdPerHour()).isCloseTo(15, within(1e-9));
        assertThat(p.basis()).contains("guide");
    }

    @Test
    void longerCheckpointIntervalsAndMoreNodesMeanMoreRework() {
        assertThat(CostEstimator.reworkHours(100, 1, 4)).isGreaterThan(CostEstimator.reworkHours(100, 1, 1));
        assertThat(CostEstimator.reworkHours(100, 4, 1)).isCloseTo(4 * CostEstimator.reworkHours(100, 1, 1), within(1e-9));
    }

    @Test
    void reservedBillsTheWholeCommitmentHoweverShortTheRun() {
        CostEstimator.Priced year = CostEstimator.reserved(instance(30, null, 18.0, 12), 1, 3);
        assertThat(year.billedHours()).isCloseTo(12 * 730, within(1e-9));
        assertThat(year.costUsd()).isCloseTo(12 * 730 * 18.0, within(1e-6));
        assertThat(year.costUsd()).isGreaterThan(CostEstimator.onDemand(instance(30, null, 18.0, 12), 1, 3).costUsd() * 100);
        CostEstimator.Priced noTerm = CostEstimator.reserved(instance(30, null, 18.0, null), 1, 3);
        assertThat(noTerm.billedHours()).isCloseTo(730, within(1e-9));
        CostEstimator.Priced longRun = CostEstimator.reserved(instance(30, null, 18.0, 1), 2, 1000);
        assertThat(longRun.billedHours()).isEqualTo(1000);
        assertThat(longRun.costUsd()).isCloseTo(1000 * 18.0 * 2, within(1e-6));
        assertThat(CostEstimator.reserved(instance(30, null, null, null), 1, 3)).isNull();
    }
}

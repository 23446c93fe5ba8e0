package dev.ftadvisor.engine;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Num's fast path must print exactly what String.format printed before it. */
class NumTest {
    @Test
    void sameTextAsStringFormat() {
        Random rnd = new Random(7);
        double[] fixed = {0, -0.0, 0.05, 0.15, 0.25, 1.05, 2.5, 999.95, 999.995, 1234.5, 1e7, 1.5e-5, -3.25, -0.04,
                Double.NaN, Double.POSITIVE_INFINITY, 123456789.125};
        for (int i = 0; i < 200_000 + fixed.length; i++) {
            double v = i < fixed.length ? fixed[i] : switch (i % 4) {
                case 0 -> rnd.nextDouble() * 1000;
                case 1 -> Math.round(rnd.nextDouble() * 1e6) / 100.0 + 0.005;
                case 2 -> Math.pow(10, rnd.nextDouble() * 12 - 3);
                default -> rnd.nextInt(200_000) / 20.0 - 100;
            };
            assertThat(Num.f1(v).toString()).as("f1 %s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
            assertThat(Num.f0(v).toString()).as("f0 %s", v).isEqualTo(String.format(Locale.ROOT, "%,.0f", v));
            assertThat(Num.usd(v).toString()).as("usd %s", v).isEqualTo(String.format(Locale.ROOT, "$%,.2f", v));
            assertThat(Num.pct(v / 100).toString()).as("pct %s", v).isEqualTo(String.format(Locale.ROOT, "%.0f%%", v / 100 * 100));
        }
    }
}

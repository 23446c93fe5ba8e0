package dev.ftadvisor.estimate;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EstimateAssumptionsTest {
    /**
     * String.format("%.4g") with the zeros after the decimal point dropped (an earlier version also
     * dropped them from "1120", printing 1119.6 as "112").
     */
    private static String viaFormatter(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Test
    void numbersReadAsFourSignificantDigitsLikeFormatter() {
        Random rnd = new Random(7);
        double[] fixed = {0.5, 0.125, 0.33333, 1.5, 2.0, 9999.4, 9999.6, 1e-4, 0.00012345, 12.3456, -0.75, 0.1 + 0.2,
                1.00049, 1.00051, 123.45, 1e5 + 0.5, 3.0e-7};
        for (int i = 0; i < 100_000 + fixed.length; i++) {
            double v = i < fixed.length ? fixed[i] : switch (i % 3) {
                case 0 -> rnd.nextDouble() * 100;
                case 1 -> Math.pow(10, rnd.nextDouble() * 10 - 5);
                default -> Math.round(rnd.nextDouble() * 1e5) / 1000.0 + 0.0005;
            };
            assertThat(EstimateAssumptions.fmt(v)).as("fmt %s", v).isEqualTo(viaFormatter(v));
        }
    }
}

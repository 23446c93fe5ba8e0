package dev.ftadvisor.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A histogram with fixed 1-2-5 bins per decade (from 0.01 to 1e9): memory stays the same whatever
 * the number of records, and costs and hours, which spread over orders of magnitude, stay readable.
 */
public final class LogHistogram {
    private static final double[] EDGES = edges();
    private final long[] counts = new long[EDGES.length + 1];

    private static double[] edges() {
        List<Double> e = new ArrayList<>();
        for (int exp = -2; exp <= 9; exp++) {
            for (int m : new int[]{1, 2, 5}) e.add(m * Math.pow(10, exp));
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public void add(double v) {
        int i = 0;
        while (i < EDGES.length && v >= EDGES[i]) i++;
        counts[i]++;
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** Bin label ("10-20") to count, from the first to the last non-empty bin. */
    public Map<String, Long> bins() {
        int first = 0;
        int last = counts.length - 1;
        while (first < counts.length && counts[first] == 0) first++;
        while (last >= 0 && counts[last] == 0) last--;
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = first; i <= last; i++) out.put(label(i), counts[i]);
        return out;
    }

    private static String label(int i) {
        if (i == 0) return "<" + fmt(EDGES[0]);
        if (i == EDGES.length) return ">=" + fmt(EDGES[EDGES.length - 1]);
        return fmt(EDGES[i - 1]) + "-" + fmt(EDGES[i]);
    }

    static String fmt(double v) {
        if (v >= 1e9) return trim(v / 1e9) + "G";
        if (v >= 1e6) return trim(v / 1e6) + "M";
        if (v >= 1e3) return trim(v / 1e3) + "k";
        return trim(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }
}

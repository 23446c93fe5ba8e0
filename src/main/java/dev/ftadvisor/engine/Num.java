package dev.ftadvisor.engine;

import java.util.Locale;

/**
 * Number formatting for rule messages, locale-independent, so a message reads "38.2 GB" on every
 * machine. Rules call these from their consequences ({@code Num.gb($c.memoryPerGpuGb)}).
 */
public final class Num {
    private Num() {
    }

    /** One decimal: 38.2 */
    public static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** No decimals, thousands separated: 1,152 */
    public static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Dollars: $1,234.56 */
    public static String usd(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    /** A percentage from a fraction: 0.42 -> 42% */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

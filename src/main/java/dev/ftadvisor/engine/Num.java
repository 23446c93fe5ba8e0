package dev.ftadvisor.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        String fast = fast(v, 1, false);
        return fast != null ? fast : String.format(Locale.ROOT, "%.1f", v);
    }

    /** No decimals, thousands separated: 1,152 */
    public static String f0(double v) {
        String fast = fast(v, 0, true);
        return fast != null ? fast : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Dollars: $1,234.56 */
    public static String usd(double v) {
        String fast = fast(v, 2, true);
        return fast != null ? "$" + fast : String.format(Locale.ROOT, "$%,.2f", v);
    }

    /** A percentage from a fraction: 0.42 -> 42% */
    public static String pct(double fraction) {
        String fast = fast(fraction * 100, 0, false);
        return fast != null ? fast + "%" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /**
     * The same text as {@code String.format(Locale.ROOT, "%.Nf")} (with {@code ,} grouping when asked)
     * for finite non-negative values: Formatter rounds the shortest decimal form of the double half up,
     * as this does, without Formatter's per-call parsing and locale lookups (rules format numbers for
     * every finding, so this is on the batch's hot path). Other values return null: the caller falls
     * back to String.format.
     */
    static String fast(double v, int scale, boolean group) {
        if (!Double.isFinite(v) || v < 0 || (v == 0 && 1 / v < 0)) return null;
        String plain = new BigDecimal(Double.toString(v)).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        if (!group) return plain;
        int dot = plain.indexOf('.');
        int intLen = dot < 0 ? plain.length() : dot;
        if (intLen <= 3) return plain;
        StringBuilder b = new StringBuilder(plain.length() + intLen / 3);
        for (int i = 0; i < intLen; i++) {
            if (i > 0 && (intLen - i) % 3 == 0) b.append(',');
            b.append(plain.charAt(i));
        }
        return b.append(plain, intLen, plain.length()).toString();
    }
}

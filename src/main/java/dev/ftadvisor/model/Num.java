package dev.ftadvisor.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting for rule messages, locale-independent, so a message reads "38.2 GB" on every
 * machine. Rules call these from their consequences through {@code dev.ftadvisor.engine.Num} (the name
 * their imports use); the model's own text (a change option's value) calls them here.
 */
public final class Num {
    private Num() {
    }

    /*
     * Rules pass these to out.* as message arguments. Most findings of a consultation are never
     * rendered (rejections of candidates a CSV summary does not show, ranks of plans below the top
     * ten), so the number is kept and formatted the first time the message is (MessageFormat prints
     * any argument through toString). Equal values give equal arguments (the report's de-duplication
     * of identical rejection reasons compares arguments).
     */

    /** One decimal: 38.2 */
    public static Formatted f1(double v) { return new Formatted(v, Style.F1); }

    /** No decimals, thousands separated: 1,152 */
    public static Formatted f0(double v) { return new Formatted(v, Style.F0); }

    /** Dollars: $1,234.56 */
    public static Formatted usd(double v) { return new Formatted(v, Style.USD); }

    /** A percentage from a fraction: 0.42 -> 42% */
    public static Formatted pct(double fraction) { return new Formatted(fraction, Style.PCT); }

    enum Style { F1, F0, USD, PCT }

    /** A number and how to print it; the text is made on first use. */
    public static final class Formatted {
        private final double value;
        private final Style style;
        private String text;

        Formatted(double value, Style style) {
            this.value = value;
            this.style = style;
        }

        public double value() { return value; }

        @Override
        public String toString() {
            String t = text;
            if (t == null) text = t = format(value, style);
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Formatted f && f.style == style && Double.compare(f.value, value) == 0;
        }

        @Override
        public int hashCode() { return Double.hashCode(value) * 31 + style.hashCode(); }
    }

    static String format(double v, Style style) {
        return switch (style) {
            case F1 -> {
                String fast = fast(v, 1, false);
                yield fast != null ? fast : String.format(Locale.ROOT, "%.1f", v);
            }
            case F0 -> {
                String fast = fast(v, 0, true);
                yield fast != null ? fast : String.format(Locale.ROOT, "%,.0f", v);
            }
            case USD -> {
                String fast = fast(v, 2, true);
                yield fast != null ? "$" + fast : String.format(Locale.ROOT, "$%,.2f", v);
            }
            case PCT -> {
                String fast = fast(v * 100, 0, false);
                yield fast != null ? fast + "%" : String.format(Locale.ROOT, "%.0f%%", v * 100);
            }
        };
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

package dev.ftadvisor.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number the rules compare, by name, from the rules folder's {@code thresholds.yaml}: one place
 * for an auditor to read and change each threshold. Every session gets it as the global {@code th}
 * (a global keeps a constraint on the one fact it tests); a rule compares with
 * {@code th.value("memory.headroom")} and passes {@code th.text("memory.headroom")} to its message, so the condition, the messages in every language
 * and the rule's {@code @description} (which names it as {@code {memory.headroom}}) change together.
 * Immutable: {@link #with} makes a copy (the mutation tester moves one value at a time).
 */
public final class Thresholds {
    /** A named value, its unit (how it is printed) and why it is what it is. */
    public record Threshold(String name, double value, Unit unit, String why) {
        /** The value as a message prints it: 10%, 24 GB, 100 Gbps, 4x, 0.5 h. */
        public String text() {
            return unit.format(value);
        }
    }

    /** How a threshold reads in a message. */
    public enum Unit {
        FRACTION("fraction"), GB("GB"), BILLIONS("B"), GBPS("Gbps"), HOURS("h"), TIMES("x"), TOKENS("tokens"),
        COUNT("count"), IOPS("IOPS");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() { return label; }

        public static Unit of(String label) {
            for (Unit u : values()) if (u.label.equals(label)) return u;
            throw new IllegalArgumentException("unknown unit '" + label + "' (expected one of: fraction, GB, B, Gbps, h, x, tokens, count, IOPS)");
        }

        String format(double v) {
            String n = v == Math.rint(v) && Math.abs(v) < 1e12 ? String.format(Locale.ROOT, "%,d", (long) v)
                    : String.format(Locale.ROOT, "%s", stripZeros(v));
            return switch (this) {
                case FRACTION -> java.math.BigDecimal.valueOf(v).movePointRight(2).round(new java.math.MathContext(6))
                        .stripTrailingZeros().toPlainString() + "%";
                case GB -> n + " GB";
                case BILLIONS -> n + "B";
                case GBPS -> n + " Gbps";
                case HOURS -> n + " h";
                case TIMES -> n + "x";
                case TOKENS -> n + " tokens";
                case IOPS -> n + " IOPS";
                case COUNT -> n;
            };
        }

        private static String stripZeros(double v) {
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+(?:\\.[a-z0-9-]+)+)}");
    public static final Thresholds NONE = new Thresholds(Map.of());

    private final Map<String, Threshold> byName;
    /** Each value as messages print it, made once: rules pass it to every finding they write. */
    private final Map<String, String> texts;

    public Thresholds(Map<String, Threshold> byName) {
        this.byName = Map.copyOf(byName);
        Map<String, String> t = new java.util.HashMap<>();
        byName.forEach((k, v) -> t.put(k, v.text()));
        this.texts = Map.copyOf(t);
    }

    /** The value of a threshold; an unknown name is the rule's mistake, told with the names there are. */
    public double value(String name) {
        return get(name).value();
    }

    /** The value as the message prints it (with its unit). */
    public String text(String name) {
        String t = texts.get(name);
        return t != null ? t : get(name).text();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Threshold get(String name) {
        Threshold t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown threshold '" + name + "' " + (byName.isEmpty()
                    ? "(the rules folder has no thresholds.yaml: keep it beside the .drl files)"
                    : "(thresholds.yaml names: " + String.join(", ", new java.util.TreeSet<>(byName.keySet())) + ")"));
        }
        return t;
    }

    public Collection<Threshold> all() {
        return byName.values();
    }

    /** A copy with one value moved (the names and units stay). */
    public Thresholds with(String name, double value) {
        Threshold t = get(name);
        Map<String, Threshold> copy = new LinkedHashMap<>(byName);
        copy.put(name, new Threshold(name, value, t.unit(), t.why()));
        return new Thresholds(copy);
    }

    /** A text with each {@code {threshold.name}} replaced by its value (a rule's @description). */
    public String expand(String text) {
        if (text == null || text.indexOf('{') < 0) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Threshold t = byName.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(t == null ? m.group() : t.text()));
        }
        return m.appendTail(sb).toString();
    }

    /** How the fact reads in a rule's trace: what matters is which values it held. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("thresholds(");
        new java.util.TreeMap<>(byName).forEach((k, v) -> sb.append(sb.length() > 11 ? ", " : "").append(k).append('=').append(v.text()));
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thresholds t && t.byName.equals(byName);
    }

    @Override
    public int hashCode() { return byName.hashCode(); }
}

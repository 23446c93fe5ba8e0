package dev.ftadvisor.audit;

import dev.ftadvisor.model.Thresholds;

/**
 * One small change to a rules folder that its scenarios should notice: a named threshold moved in
 * thresholds.yaml, a number literal moved in a rule's conditions, or a comparison operator negated
 * there. {@code file}, {@code line} and {@code column} say where; {@code rule} which rule (or, for a
 * named threshold, the rules that read it).
 */
public record Mutant(Kind kind, String file, int line, int column, String rule, String from, String to,
                     int offset, int length, String threshold, double value) {
    /** What was moved. */
    public enum Kind {
        /** a value of thresholds.yaml: no recompilation, the session gets the moved value */
        THRESHOLD,
        /** a number written in a condition */
        LITERAL,
        /** a comparison operator in a condition, negated */
        OPERATOR;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public String location() {
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }

    /** "memory.headroom 10% -> 5%", "'>=' -> '<'", "24 -> 12". */
    public String change() {
        return switch (kind) {
            case THRESHOLD -> threshold + " " + from + " -> " + to;
            case OPERATOR -> "'" + from + "' -> '" + to + "'";
            case LITERAL -> from + " -> " + to;
        };
    }

    /** The DRL text with this mutant's edit applied (literal and operator mutants). */
    String apply(String text) {
        return text.substring(0, offset) + to + text.substring(offset + length);
    }

    /** The thresholds with this mutant's value moved (threshold mutants). */
    Thresholds apply(Thresholds thresholds) {
        return thresholds.with(threshold, value);
    }
}

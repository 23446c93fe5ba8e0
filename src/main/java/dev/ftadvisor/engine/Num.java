package dev.ftadvisor.engine;

import dev.ftadvisor.model.Num.Formatted;

/**
 * The number formatting rules import ({@code import dev.ftadvisor.engine.Num;} in every rules folder):
 * the same functions as {@link dev.ftadvisor.model.Num}, where they live so that the fact model can
 * format its own values without depending on the engine.
 */
public final class Num {
    private Num() {
    }

    /** One decimal: 38.2 */
    public static Formatted f1(double v) { return dev.ftadvisor.model.Num.f1(v); }

    /** No decimals, thousands separated: 1,152 */
    public static Formatted f0(double v) { return dev.ftadvisor.model.Num.f0(v); }

    /** Dollars: $1,234.56 */
    public static Formatted usd(double v) { return dev.ftadvisor.model.Num.usd(v); }

    /** A percentage from a fraction: 0.42 -> 42% */
    public static Formatted pct(double fraction) { return dev.ftadvisor.model.Num.pct(fraction); }
}

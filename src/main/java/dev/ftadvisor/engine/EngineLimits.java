package dev.ftadvisor.engine;

import java.time.Duration;

/**
 * How far one consultation may go: its wall-clock time (the change explorer's variants included) and
 * the rule firings of any one of its sessions. Past either, the consultation is stopped and reported as
 * a {@link RuleFailedException} naming the rule that was running.
 */
public record EngineLimits(Duration timeout, int maxFirings) {
    /** Generous for the bundled rules (a consultation takes milliseconds and a few hundred firings). */
    public static final EngineLimits DEFAULT = new EngineLimits(Duration.ofSeconds(10), 200_000);

    public EngineLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--rule-timeout: expected a positive duration, got " + timeout);
        }
        if (maxFirings < 1) throw new IllegalArgumentException("--max-firings: expected 1 or more, got " + maxFirings);
    }
}

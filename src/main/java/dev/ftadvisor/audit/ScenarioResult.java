package dev.ftadvisor.audit;

import java.util.List;
import java.util.Set;

/** The outcome of one scenario: pass, or the differences between expected and actual. */
public record ScenarioResult(Scenario scenario, List<String> failures, Set<String> firedRuleIds) {
    public boolean passed() {
        return failures.isEmpty();
    }
}

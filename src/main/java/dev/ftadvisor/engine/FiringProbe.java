package dev.ftadvisor.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the rule that keeps a session firing once it reached the firing limit: a few more firings are
 * watched, and the rule that fired most among them is the one to blame. No listener is attached before
 * the limit is reached, so a normal consultation pays nothing for it.
 */
final class FiringProbe extends DefaultAgendaEventListener {
    private static final int PROBE_FIRINGS = 200;
    private final Map<String, Integer> counts = new HashMap<>();

    private FiringProbe() {
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
    }

    /** The rule that fires most in the next few firings; null when the agenda is empty (the limit was just met). */
    static RuleInfo busiest(KieSession session, RuleIndex index) {
        FiringProbe probe = new FiringProbe();
        session.addEventListener(probe);
        try {
            session.fireAllRules(PROBE_FIRINGS);
        } finally {
            session.removeEventListener(probe);
        }
        String name = probe.counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (name == null) return null;
        RuleInfo info = index.byName(name);
        return info != null ? info : new RuleInfo(name, null, java.util.List.of(), null, null, null, "rules", 1, null, null, null);
    }
}

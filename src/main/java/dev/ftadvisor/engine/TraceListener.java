package dev.ftadvisor.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records every rule firing, in order, with the facts it matched (the report's trace). */
public final class TraceListener extends DefaultAgendaEventListener {
    /** One firing: order, rule id and name, where it is, what it matched. */
    public record Firing(int order, String ruleId, String rule, String location, List<Map<String, Object>> matched) {
    }

    private final RuleIndex index;
    private final List<Firing> firings = new ArrayList<>();

    public TraceListener(RuleIndex index) {
        this.index = index;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        var rule = event.getMatch().getRule();
        RuleInfo info = index.byName(rule.getName());
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Object o : event.getMatch().getObjects()) {
            matched.add(FactDescriber.describe(o));
        }
        firings.add(new Firing(firings.size() + 1, RuleOutput.meta(rule, "id"), rule.getName(),
                info == null ? null : info.location(), matched));
    }

    public List<Firing> firings() { return firings; }
}

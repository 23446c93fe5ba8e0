package dev.ftadvisor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejected configurations grouped by the rule that rejected them (its first reason): one line per
 * rule with a count, a few examples and one of its messages, instead of two dozen near-identical lines.
 */
public final class RejectedGroups {
    /** Examples named per group. */
    static final int EXAMPLES = 4;

    private RejectedGroups() {
    }

    public record Group(String ruleId, int count, List<String> examples, Report.Reason reason) {
    }

    public static List<Group> of(List<Report.Rejected> rejected) {
        Map<String, List<Report.Rejected>> byRule = new LinkedHashMap<>();
        for (Report.Rejected r : rejected) {
            // by rule, and by the region group (or pricing) a proposal-wide reason covers
            Report.Reason first = r.reasons().isEmpty() ? null : r.reasons().get(0);
            String rule = first == null ? "" : first.id() + (first.scope() == null ? "" : " " + first.scope());
            byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>(byRule.size());
        for (Map.Entry<String, List<Report.Rejected>> e : byRule.entrySet()) {
            List<Report.Rejected> rs = e.getValue();
            List<String> examples = new ArrayList<>(EXAMPLES + 1);
            for (Report.Rejected r : rs) {
                if (examples.size() == EXAMPLES) {
                    examples.add("...");
                    break;
                }
                String name = r.provider() + " " + r.instanceType() + (r.nodes() > 1 ? " x" + r.nodes() : "");
                if (!examples.contains(name)) examples.add(name);
            }
            Report.Reason reason = rs.get(0).reasons().isEmpty() ? null : rs.get(0).reasons().get(0);
            out.add(new Group(reason == null ? "" : reason.id(), rs.size(), examples, reason));
        }
        return out;
    }
}

package dev.ftadvisor.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ftadvisor.engine.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rules coverage}: which guidance ids each rule implements, which scenarios make each rule
 * fire, the ids no rule implements and README.md does not exclude with a reason, and the rules no
 * scenario fires. Two percentages: guidance (ids implemented or justifiably excluded / all ids) and
 * rules (rules some scenario fires / all rules).
 */
@JsonPropertyOrder({"rulesVersion", "guidancePercent", "rulesPercent", "guidance", "rules", "uncoveredIds",
        "excludedIds", "unknownExcludedIds", "unfiredRules"})
public record Coverage(String rulesVersion, double guidancePercent, double rulesPercent,
                       Map<String, List<String>> guidance, Map<String, List<String>> rules,
                       List<String> uncoveredIds, Map<String, String> excludedIds,
                       List<String> unknownExcludedIds, List<String> unfiredRules) {

    public static Coverage of(String rulesVersion, Map<String, String> guidanceIds, List<RuleInfo> ruleInfos,
                              Map<String, String> exclusions, List<ScenarioResult> results) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        guidanceIds.keySet().forEach(id -> byId.put(id, new ArrayList<>()));
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        for (RuleInfo r : ruleInfos) {
            String rid = r.id() != null ? r.id() : r.name();
            for (String s : r.sources()) byId.computeIfAbsent(s, k -> new ArrayList<>()).add(rid);
            List<String> scenarios = new ArrayList<>();
            for (ScenarioResult res : results) {
                if (res.firedRuleIds().contains(rid)) scenarios.add(res.scenario().location + " " + res.scenario().name);
            }
            byRule.put(rid, scenarios);
        }
        List<String> uncovered = new ArrayList<>();
        Map<String, String> excluded = new TreeMap<>();
        for (String id : guidanceIds.keySet()) {
            if (!byId.get(id).isEmpty()) continue;
            String why = exclusions.get(id);
            if (why != null && !why.isBlank()) excluded.put(id, why);
            else uncovered.add(id);
        }
        List<String> unknownExcluded = exclusions.keySet().stream().filter(id -> !guidanceIds.containsKey(id)).sorted().toList();
        List<String> unfired = byRule.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        double gp = guidanceIds.isEmpty() ? 100 : 100.0 * (guidanceIds.size() - uncovered.size()) / guidanceIds.size();
        double rp = byRule.isEmpty() ? 100 : 100.0 * (byRule.size() - unfired.size()) / byRule.size();
        return new Coverage(rulesVersion, round1(gp), round1(rp), byId, byRule, uncovered, excluded, unknownExcluded, unfired);
    }

    private static double round1(double d) {
        return Math.floor(d * 10) / 10.0;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Guidance ids -> rules\n");
        guidance.forEach((id, rs) -> sb.append(String.format("  %-28s %s%n", id,
                rs.isEmpty() ? (excludedIds.containsKey(id) ? "(not encoded: " + excludedIds.get(id) + ")" : "-- NO RULE")
                        : String.join(", ", rs))));
        sb.append("\nRules -> scenarios that make them fire\n");
        rules.forEach((r, ss) -> {
            sb.append("  ").append(r).append(ss.isEmpty() ? "  -- NO SCENARIO FIRES IT" : "").append('\n');
            ss.forEach(s -> sb.append("      ").append(s).append('\n'));
        });
        sb.append('\n');
        if (!uncoveredIds.isEmpty()) sb.append("Guidance ids with no rule and no exclusion in README.md: ").append(String.join(", ", uncoveredIds)).append('\n');
        if (!unknownExcludedIds.isEmpty()) sb.append("README.md excludes ids that guidance.yaml does not list: ").append(String.join(", ", unknownExcludedIds)).append('\n');
        if (!unfiredRules.isEmpty()) sb.append("Rules no scenario fires: ").append(String.join(", ", unfiredRules)).append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "Guidance coverage: %.1f%% (%d ids, %d uncovered, %d excluded)%n",
                guidancePercent, guidance.size(), uncoveredIds.size(), excludedIds.size()));
        sb.append(String.format(java.util.Locale.ROOT, "Rule coverage: %.1f%% (%d rules, %d fired by no scenario)%n",
                rulesPercent, rules.size(), unfiredRules.size()));
        sb.append("rulesVersion: ").append(rulesVersion).append('\n');
        return sb.toString();
    }
}

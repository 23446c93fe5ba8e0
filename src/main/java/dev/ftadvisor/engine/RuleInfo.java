package dev.ftadvisor.engine;

import java.util.List;

/**
 * What an auditor needs to know about one rule without running it: its metadata, where it is, and
 * the DRL text of its conditions and consequence (for lint and diff).
 */
public record RuleInfo(String name, String id, List<String> sources, String severity, String topic,
                       String description, String file, int line, String packageName,
                       String conditions, String consequence) {

    /** What listings show of a rule (`rules list --format json`, the server's GET /api/rules), in order. */
    public java.util.Map<String, Object> summary() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("file", file);
        m.put("line", line);
        m.put("severity", severity);
        m.put("topic", topic);
        m.put("sources", sources);
        m.put("description", description);
        return m;
    }

    /** "memory.drl:12", the form findings and listings use. */
    public String location() {
        return file + ":" + line;
    }
}

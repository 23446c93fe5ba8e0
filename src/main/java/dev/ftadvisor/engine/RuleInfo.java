package dev.ftadvisor.engine;

import java.util.List;

/**
 * What an auditor needs to know about one rule without running it: its metadata, where it is, and
 * the DRL text of its conditions and consequence (for lint and diff).
 */
public record RuleInfo(String name, String id, List<String> sources, String severity, String topic,
                       String description, String file, int line, String packageName,
                       String conditions, String consequence) {

    /** "memory.drl:12", the form findings and listings use. */
    public String location() {
        return file + ":" + line;
    }
}

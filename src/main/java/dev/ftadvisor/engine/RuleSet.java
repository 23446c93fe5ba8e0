package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;
import org.kie.api.KieBase;

/**
 * A compiled rules folder: the shared, thread-safe knowledge base, the index of its rules, the
 * content hash that ties every report to the exact rule files that made it, and what is known of its
 * compiled code (which generated class belongs to which rule; whether it had to be given up).
 */
public record RuleSet(KieBase kieBase, RuleIndex index, String rulesVersion, ResourceFolder folder, RuleCode code) {
}

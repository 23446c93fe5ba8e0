package dev.ftadvisor.cli;

import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.EngineLimits;
import dev.ftadvisor.engine.RuleCompiler;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.facts.CatalogLoader;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code --rules DIR}, {@code --facts DIR} and {@code --no-cache}, shared by every verb that consults. */
public class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ./rules if present, else the bundled rules).")
    Path rules;

    @Option(names = "--facts", paramLabel = "DIR", description = "Facts folder (default: ./facts if present, else the bundled facts).")
    Path facts;

    @Option(names = "--no-cache", description = "Compile the rules from their DRL text: neither the rules precompiled into the jar nor the compiled-rules cache (~/.cache/ftadvisor) is read or written.")
    boolean noCache;

    @Option(names = "--rule-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time limit of one consultation (a batch record, a request), rules and change explorer included; past it the rule running is stopped and named, exit 3 (default: ${DEFAULT-VALUE}).")
    double ruleTimeoutSeconds = 10;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "200000",
            description = "Rule firings allowed in one session of a consultation; past it the rule that keeps firing is stopped and named, exit 3 (default: ${DEFAULT-VALUE}).")
    int maxFirings = 200_000;

    /** The limits every consultation runs under (--rule-timeout, --max-firings). */
    public EngineLimits limits() {
        if (!(ruleTimeoutSeconds > 0) || ruleTimeoutSeconds > 86_400) {
            throw new IllegalArgumentException("--rule-timeout: expected seconds between 0 and 86400, got " + ruleTimeoutSeconds);
        }
        if (maxFirings < 1) throw new IllegalArgumentException("--max-firings: expected 1 or more, got " + maxFirings);
        return new EngineLimits(java.time.Duration.ofNanos((long) (ruleTimeoutSeconds * 1e9)), maxFirings);
    }

    public ResourceFolder rulesFolder() {
        return ResourceFolder.resolve(rules, "rules");
    }

    public ResourceFolder factsFolder() {
        return ResourceFolder.resolve(facts, "facts");
    }

    public Catalog catalog() {
        return CatalogLoader.load(factsFolder());
    }

    public RuleSet ruleSet() {
        ResourceFolder folder = rulesFolder();
        RuleCheck.requireSandboxed(folder); // a foreign rules folder may only produce findings
        return RuleCompiler.load(folder, !noCache);
    }

    /**
     * Loads the rules on a second thread while this one reads the catalog: at start both are mostly
     * class loading (Drools, Jackson) and take similar time, so on two cores a cold run waits for
     * the longer one only. A catalog problem is still reported first, as before.
     */
    public Advisor advisor() {
        EngineLimits limits = limits();
        CompletableFuture<RuleSet> rules = CompletableFuture.supplyAsync(this::ruleSet, EngineOptions::daemon);
        Catalog catalog = catalog();
        try {
            return new Advisor(rules.join(), catalog, limits);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "ftadvisor-rules-loader");
        t.setDaemon(true);
        t.start();
    }
}

package dev.ftadvisor.cli;

import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.engine.Advisor;
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
        CompletableFuture<RuleSet> rules = CompletableFuture.supplyAsync(this::ruleSet, EngineOptions::daemon);
        Catalog catalog = catalog();
        try {
            return new Advisor(rules.join(), catalog);
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

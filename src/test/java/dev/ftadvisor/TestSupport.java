package dev.ftadvisor;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.RuleCompiler;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.facts.CatalogLoader;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.io.ResourceFolder;

import java.nio.file.Path;

/** The project's own rules and facts, compiled once per test JVM. */
public final class TestSupport {
    public static final Path RULES = Path.of("rules");
    public static final Path FACTS = Path.of("facts");
    private static Advisor advisor;

    private TestSupport() {
    }

    public static synchronized Advisor advisor() {
        if (advisor == null) {
            advisor = new Advisor(RuleCompiler.load(ResourceFolder.ofDirectory(RULES)), catalog());
        }
        return advisor;
    }

    public static Catalog catalog() {
        return CatalogLoader.load(ResourceFolder.ofDirectory(FACTS));
    }

    /** Resolves a proposal written as JSON. */
    public static ResolvedProposal proposal(String json) {
        return new ProposalResolver(catalog()).resolve(ProposalReader.read(json, false), "test");
    }
}

package dev.ftadvisor.cli;

import dev.ftadvisor.audit.ProposalImpact;
import dev.ftadvisor.audit.RuleCheck;
import dev.ftadvisor.audit.RulesDiff;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rules diff OLD NEW [--proposals DIR]}: rule changes, and what they change in consultations. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What changes between two rules folders: rules added, removed, changed (conditions, thresholds,",
                "metadata, consequence); with --proposals, which proposals' verdicts, top plans and findings change."})
public final class RulesDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The rules folder before the change.") Path oldDir;
    @Parameters(index = "1", paramLabel = "NEW", description = "The rules folder after the change.") Path newDir;
    @Option(names = "--proposals", paramLabel = "DIR", description = "Consult every proposal (.json, .yaml) in DIR under both folders.")
    Path proposals;
    @Option(names = "--facts", paramLabel = "DIR", description = "Facts folder (default: ./facts if present, else the bundled facts).")
    Path facts;
    @Option(names = "--all", description = "With --proposals, list unchanged proposals too.") boolean all;
    @Option(names = "--format", defaultValue = "text", completionCandidates = FormatChoices.Listing.class, converter = FormatChoices.Listing.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).") ListingFormat format;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (Path p : List.of(oldDir, newDir)) {
            if (!java.nio.file.Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + ": not a rules folder (no such directory)");
            }
        }
        ResourceFolder before = ResourceFolder.resolve(oldDir, "rules");
        ResourceFolder after = ResourceFolder.resolve(newDir, "rules");
        List<Path> files = proposals == null ? List.of() : ProposalImpact.files(proposals);
        RuleSet oldRules = RuleCheck.compileChecked(before);
        RuleSet newRules = RuleCheck.compileChecked(after);
        List<RulesDiff.Change> changes = RulesDiff.of(oldRules.index().rules(), newRules.index().rules(),
                RulesDiff.attributes(before), RulesDiff.attributes(after),
                dev.ftadvisor.engine.ThresholdsFile.load(before), dev.ftadvisor.engine.ThresholdsFile.load(after));
        List<ProposalImpact.Result> impacts = new ArrayList<>();
        if (proposals != null) {
            EngineOptions eo = new EngineOptions();
            eo.facts = facts;
            Catalog catalog = eo.catalog();
            dev.ftadvisor.consult.Consultation a = new dev.ftadvisor.consult.Consultation(new Advisor(oldRules, catalog, eo.limits()));
            dev.ftadvisor.consult.Consultation b = new dev.ftadvisor.consult.Consultation(new Advisor(newRules, catalog, eo.limits()));
            for (Path f : files) impacts.add(ProposalImpact.compare(f, a, b));
        }
        if (format == ListingFormat.JSON) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("oldRulesVersion", oldRules.rulesVersion());
            out.put("newRulesVersion", newRules.rulesVersion());
            out.put("rules", changes);
            if (proposals != null) {
                out.put("proposalsCompared", impacts.size());
                out.put("proposalsChanged", impacts.stream().filter(ProposalImpact.Result::changed).count());
                out.put("proposals", impacts.stream().filter(r -> all || r.changed() || r.error() != null).toList());
            }
            RulesCommand.printJson(spec, out);
            return ExitCodes.OK;
        }
        var w = RulesCommand.out(spec);
        w.printf("Rules %s (%s) -> %s (%s)%n", before.label(), oldRules.rulesVersion(), after.label(), newRules.rulesVersion());
        if (changes.isEmpty()) w.println("  no rule added, removed or changed");
        for (RulesDiff.Change c : changes) {
            w.printf("  %-8s %-28s %s%n", c.kind(), c.id(),
                    c.kind().equals("added") ? c.newLocation() : c.kind().equals("removed") ? c.oldLocation()
                            : c.oldLocation() + (c.oldLocation().equals(c.newLocation()) ? "" : " -> " + c.newLocation()));
            c.changes().forEach(x -> w.println("             " + x));
        }
        if (proposals != null) {
            long changed = impacts.stream().filter(ProposalImpact.Result::changed).count();
            w.printf("%nProposals in %s: %d compared, %d changed%n", proposals, impacts.size(), changed);
            w.printf("  %-40s %-34s %-60s %s%n", "proposal", "verdict", "top plan", "findings +/-/~");
            for (ProposalImpact.Result r : impacts) {
                if (r.error() != null) {
                    w.printf("  %-40s error: %s%n", r.proposal(), r.error());
                    continue;
                }
                if (!all && !r.changed()) continue;
                String verdict = r.oldVerdict().equals(r.newVerdict()) ? r.newVerdict() : r.oldVerdict() + " -> " + r.newVerdict();
                String top = r.oldTopPlan().equals(r.newTopPlan()) ? "(same)" : r.oldTopPlan() + " -> " + r.newTopPlan();
                w.printf("  %-40s %-34s %-60s +%d -%d ~%d%n", r.proposal(), verdict, top, r.findingsAdded().size(),
                        r.findingsRemoved().size(), r.findingsChanged().size());
                Map<String, int[]> perRule = new java.util.TreeMap<>();
                r.findingsAdded().forEach(x -> perRule.computeIfAbsent(ruleOf(x), k -> new int[3])[0]++);
                r.findingsRemoved().forEach(x -> perRule.computeIfAbsent(ruleOf(x), k -> new int[3])[1]++);
                r.findingsChanged().forEach(x -> perRule.computeIfAbsent(ruleOf(x), k -> new int[3])[2]++);
                perRule.forEach((rule, n) -> w.printf("      %s: +%d -%d ~%d%n", rule, n[0], n[1], n[2]));
                r.findingsAdded().stream().limit(5).forEach(x -> w.println("      + " + x));
                r.findingsRemoved().stream().limit(5).forEach(x -> w.println("      - " + x));
                r.findingsChanged().stream().limit(5).forEach(x -> w.println("      ~ " + x));
                long more = r.findingsAdded().size() + r.findingsRemoved().size() + r.findingsChanged().size()
                        - Math.min(5, r.findingsAdded().size()) - Math.min(5, r.findingsRemoved().size()) - Math.min(5, r.findingsChanged().size());
                if (more > 0) w.println("      ... " + more + " more (--format json lists all)");
            }
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** The rule id of a "rule @ candidate: message" line. */
    private static String ruleOf(String finding) {
        int at = finding.indexOf(" @ ");
        return at < 0 ? finding : finding.substring(0, at);
    }
}

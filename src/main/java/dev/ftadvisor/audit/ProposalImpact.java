package dev.ftadvisor.audit;

import dev.ftadvisor.consult.Consultation;
import dev.ftadvisor.i18n.Lang;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalFiles;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The second half of {@code rules diff}: every proposal in a folder consulted under the old and the new
 * rules, and what changes: verdict, top plan, and findings (by rule id and the configuration or
 * candidate they name: added, removed, message changed, e.g. because a number in it moved). A rule
 * moved from candidates to configurations shows as removed and added: its findings name other keys.
 */
public final class ProposalImpact {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Result(String proposal, String error, String oldVerdict, String newVerdict, String oldTopPlan,
                         String newTopPlan, List<String> findingsAdded, List<String> findingsRemoved,
                         List<String> findingsChanged) {
        public boolean changed() {
            return error == null && (!java.util.Objects.equals(oldVerdict, newVerdict)
                    || !java.util.Objects.equals(oldTopPlan, newTopPlan)
                    || !findingsAdded.isEmpty() || !findingsRemoved.isEmpty() || !findingsChanged.isEmpty());
        }
    }

    private ProposalImpact() {
    }

    /** Proposal files (.json, .yaml, .yml) under dir, sorted. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) throw new dev.ftadvisor.input.InputException("--proposals", dir + ": not a directory");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result compare(Path file, Consultation before, Consultation after) {
        String name = file.toString();
        ResolvedProposal resolved;
        try {
            resolved = before.resolve(ProposalFiles.read(name, System.in), ProposalFiles.idFromFileName(name));
        } catch (InputException e) {
            return new Result(name, e.getMessage(), null, null, null, null, List.of(), List.of(), List.of());
        }
        Consultation.Result was = before.run(resolved, Lang.EN, false);
        Consultation.Result now = after.run(resolved, Lang.EN, false);
        Outcome o = was.outcome();
        Outcome n = now.outcome();
        Report ro = was.report();
        Report rn = now.report();
        Map<String, String> fo = findings(o.findings());
        Map<String, String> fn = findings(n.findings());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        fn.forEach((k, msg) -> {
            if (!fo.containsKey(k)) added.add(k + ": " + msg);
            else if (!fo.get(k).equals(msg)) changed.add(k + ": '" + fo.get(k) + "' -> '" + msg + "'");
        });
        fo.forEach((k, msg) -> {
            if (!fn.containsKey(k)) removed.add(k + ": " + msg);
        });
        return new Result(name, null, ro.verdict(), rn.verdict(), top(ro), top(rn), added, removed, changed);
    }

    /** "rule id @ configuration or candidate key" (or "@ proposal") -> message; several findings of one rule on one key are joined. */
    private static Map<String, String> findings(List<Finding> fs) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : fs) {
            String key = f.getId() + " @ " + (f.getCandidateKey() == null ? "proposal" : f.getCandidateKey());
            m.merge(key, f.getMessage(), (a, b) -> a + " | " + b);
        }
        return m;
    }

    static String top(Report r) {
        if (r.plans().isEmpty()) return "(none)";
        Report.Plan p = r.plans().get(0);
        return String.format(Locale.ROOT, "%s/%s x%d %s $%.2f", p.provider(), p.instanceType(), p.nodes(), p.pricing(), p.costUsd());
    }
}

package dev.ftadvisor.report;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consultation's findings by what they are about. A candidate's findings are those about its
 * configuration (the hardware rules judge each configuration once for all its pricing models) and
 * those about the candidate itself, in the order the rules fired; findings about neither are general.
 * Findings are grouped by the object they name (a batch record has a few hundred; hashing their
 * keys showed in profiles), or by key for findings made without one.
 */
public final class PlanFindings {
    /** A finding with its position among the consultation's findings, to merge two lists in firing order. */
    private record At(int index, Finding finding) {
    }

    private final Map<Object, List<At>> bySubject;
    private final Map<String, List<At>> byKey = new HashMap<>();
    private final List<Finding> general = new ArrayList<>();

    private PlanFindings(List<Finding> findings) {
        // sized for the findings up front: growing an identity map rehashes it (visible in batch profiles)
        bySubject = new IdentityHashMap<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.getSubject() != null) {
                bySubject.computeIfAbsent(f.getSubject(), k -> new ArrayList<>()).add(new At(i, f));
            } else if (f.isAboutCandidate()) {
                byKey.computeIfAbsent(f.getCandidateKey(), k -> new ArrayList<>()).add(new At(i, f));
            } else {
                general.add(f);
            }
        }
    }

    public static PlanFindings of(List<Finding> findings) {
        return new PlanFindings(findings);
    }

    /** Findings about no configuration or candidate, in firing order. */
    public List<Finding> general() {
        return general;
    }

    /** The candidate's findings: its configuration's and its own, in firing order. */
    public List<Finding> of(Candidate c) {
        List<At> all = merge(about(c.getConfiguration()), about(c));
        if (all == null) return List.of();
        List<Finding> out = new ArrayList<>(all.size());
        for (At at : all) out.add(at.finding());
        return out;
    }

    /** Whether any of the candidate's findings (its configuration's included) has this effect. */
    public boolean has(Candidate c, String effect) {
        return has(about(c.getConfiguration()), effect) || has(about(c), effect);
    }

    private static boolean has(List<At> findings, String effect) {
        if (findings == null) return false;
        for (At at : findings) {
            if (effect.equals(at.finding().getEffect())) return true;
        }
        return false;
    }

    /** Findings naming this configuration or candidate, and (rare) findings naming only its key. */
    private List<At> about(dev.ftadvisor.model.Judged subject) {
        List<At> found = bySubject.get(subject);
        return byKey.isEmpty() ? found : merge(found, byKey.get(subject.getKey()));
    }

    /** Two lists in firing order, merged in firing order (null for none). */
    private static List<At> merge(List<At> a, List<At> b) {
        if (a == null || a.isEmpty()) return b;
        if (b == null || b.isEmpty()) return a;
        List<At> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean fromA = j >= b.size() || (i < a.size() && a.get(i).index() < b.get(j).index());
            out.add(fromA ? a.get(i++) : b.get(j++));
        }
        return out;
    }
}

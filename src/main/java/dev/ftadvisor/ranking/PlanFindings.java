package dev.ftadvisor.ranking;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Judged;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    /**
     * The findings about one subject, with their positions among the consultation's findings (firing
     * order) and what ranking reads of them, summed as they are added (a configuration's are then read
     * once for all its pricing models).
     */
    private static final class Group {
        final List<Finding> findings = new ArrayList<>(4);
        int[] positions = new int[4];
        boolean rejecting;
        boolean overBudget;
        boolean overDeadline;
        boolean outOfRegion;
        boolean notRecommended;
        boolean suspect;
        /** Findings that are warnings or worse (a plan's concerns, compared by the dominance check). */
        int concerns;
        double rankScore;

        void add(Finding f, int position) {
            if (findings.size() == positions.length) positions = Arrays.copyOf(positions, positions.length * 2);
            positions[findings.size()] = position;
            findings.add(f);
            rejecting |= f.isRejecting();
            overBudget |= Finding.EFFECT_OVER_BUDGET.equals(f.getEffect());
            overDeadline |= Finding.EFFECT_OVER_DEADLINE.equals(f.getEffect());
            outOfRegion |= Finding.EFFECT_OUT_OF_REGION.equals(f.getEffect());
            notRecommended |= Finding.EFFECT_NOT_RECOMMENDED.equals(f.getEffect());
            suspect |= Finding.EFFECT_SUSPECT.equals(f.getEffect());
            if (!f.isMiss() && ("warning".equals(f.getSeverity()) || "blocker".equals(f.getSeverity()))) concerns++;
            rankScore += f.getRankWeight();
        }
    }

    private static final Group NONE = new Group();

    private final Map<Object, Group> bySubject;
    private final Map<String, Group> byKey = new HashMap<>();
    private final List<Finding> general = new ArrayList<>();
    /** Proposal-wide findings whose effect applies to every plan of one pricing model, by that pricing. */
    private final Map<String, Group> byPricing = new HashMap<>(2);
    /** Findings about every configuration of one region group, by that group. */
    private final Map<String, Group> byRegionGroup = new HashMap<>(4);

    /** How many of the consultation's findings are grouped, and the last of them (to tell whether a list is covered). */
    private int count;
    private Finding last;

    private PlanFindings(List<Finding> findings) {
        // sized for the findings up front: growing an identity map rehashes it (visible in batch profiles)
        bySubject = new IdentityHashMap<>(findings.size());
        extendTo(findings);
    }

    /**
     * Groups the findings {@code findings} has beyond those already grouped (the same consultation's list,
     * grown by a later phase): a consultation's findings are grouped once for the engine and its report.
     */
    public PlanFindings extendTo(List<Finding> findings) {
        for (int i = count; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.getSubject() != null) {
                bySubject.computeIfAbsent(f.getSubject(), k -> new Group()).add(f, i);
            } else if (f.getPricingScope() != null) {
                // about every plan of one pricing model: each such plan's finding, not a general one
                byPricing.computeIfAbsent(f.getPricingScope(), k -> new Group()).add(f, i);
            } else if (f.getRegionScope() != null) {
                byRegionGroup.computeIfAbsent(f.getRegionScope(), k -> new Group()).add(f, i);
            } else if (f.isAboutCandidate()) {
                byKey.computeIfAbsent(f.getCandidateKey(), k -> new Group()).add(f, i);
            } else {
                general.add(f);
            }
        }
        count = findings.size();
        last = count == 0 ? null : findings.get(count - 1);
        return this;
    }

    /** Whether these are the groups of exactly this list of findings (the same findings, none added). */
    public boolean covers(List<Finding> findings) {
        return findings.size() == count && (count == 0 || findings.get(count - 1) == last);
    }

    public static PlanFindings of(List<Finding> findings) {
        return new PlanFindings(findings);
    }

    /** Findings about no configuration or candidate, in firing order. */
    public List<Finding> general() {
        return general;
    }

    /** The candidate's findings (read-only): its configuration's and its own, in firing order. */
    public List<Finding> of(Candidate c) {
        Group all = merge(merge(about(c.getConfiguration()), about(c)), scoped(c));
        return all == null ? List.of() : Collections.unmodifiableList(all.findings);
    }

    /** Whether a rule rejected the candidate or its configuration. */
    public boolean isRejected(Candidate c) {
        return group(about(c.getConfiguration())).rejecting || group(about(c)).rejecting;
    }

    /** Whether a rule marked the candidate (or its configuration) over budget. */
    public boolean isOverBudget(Candidate c) {
        return group(about(c.getConfiguration())).overBudget || group(about(c)).overBudget;
    }

    /** Whether a rule marked the candidate (or its configuration) over deadline. */
    public boolean isOverDeadline(Candidate c) {
        return group(about(c.getConfiguration())).overDeadline || group(about(c)).overDeadline;
    }

    /** Whether a rule marked the candidate (or its configuration) outside the proposal's region. */
    public boolean isOutOfRegion(Candidate c) {
        return standing(c).outOfRegion();
    }

    /** Whether a rule marked the candidate (or its configuration) as an alternative not to recommend as asked. */
    public boolean isNotRecommended(Candidate c) {
        return standing(c).notRecommended();
    }

    /** Whether a rule found the candidate's (or its configuration's) own figures doubtful. */
    public boolean isSuspect(Candidate c) {
        return standing(c).suspect();
    }

    /**
     * How far the candidate is from working as proposed: one for each of budget, deadline, region and
     * the pricing asked that it misses (0 = works as proposed).
     */
    public int misses(Candidate c) {
        return standing(c).misses();
    }

    /**
     * What ranking reads of a candidate, in one pass over its two groups (its configuration's and its
     * own): a batch ranks a few hundred candidates per record.
     */
    public record Standing(boolean rejected, boolean overBudget, boolean overDeadline, boolean outOfRegion,
                           boolean notRecommended, boolean suspect, int concerns, double rankScore) {
        public int misses() {
            return (overBudget ? 1 : 0) + (overDeadline ? 1 : 0) + (outOfRegion ? 1 : 0) + (notRecommended ? 1 : 0)
                    + (suspect ? 1 : 0);
        }
    }

    public Standing standing(Candidate c) {
        Group a = group(about(c.getConfiguration()));
        Group b = group(about(c));
        Group p = group(scoped(c));
        return new Standing(a.rejecting || b.rejecting, a.overBudget || b.overBudget, a.overDeadline || b.overDeadline,
                a.outOfRegion || b.outOfRegion || p.outOfRegion, a.notRecommended || b.notRecommended || p.notRecommended,
                a.suspect || b.suspect, a.concerns + b.concerns, a.rankScore + b.rankScore);
    }

    /** The proposal-wide findings scoped to the candidate's pricing model (null when none). */
    private Group scoped(Candidate c) {
        Group pricing = byPricing.isEmpty() ? null : byPricing.get(c.getPricing());
        Group region = byRegionGroup.isEmpty() ? null : byRegionGroup.get(c.getRegionGroup());
        if (pricing == null || region == null) return pricing != null ? pricing : region;
        // both: merged once per pricing and region group (asked for every candidate several times)
        return mergedScopes.computeIfAbsent(c.getPricing() + "|" + c.getRegionGroup(), k -> merge(pricing, region));
    }

    private final Map<String, Group> mergedScopes = new HashMap<>(4);


    /** The sum of the rank weights of the candidate's findings (its configuration's included). */
    public double rankScore(Candidate c) {
        return group(about(c.getConfiguration())).rankScore + group(about(c)).rankScore;
    }

    private static Group group(Group g) {
        return g == null ? NONE : g;
    }

    /** Findings naming this configuration or candidate, and (rare) findings naming only its key. */
    private Group about(Judged subject) {
        Group found = bySubject.get(subject);
        return byKey.isEmpty() ? found : merge(found, byKey.get(subject.getKey()));
    }

    /** Two groups merged in firing order (either one as it is when the other is empty; null for none). */
    private static Group merge(Group a, Group b) {
        if (a == null || a.findings.isEmpty()) return b;
        if (b == null || b.findings.isEmpty()) return a;
        Group out = new Group();
        int i = 0;
        int j = 0;
        int na = a.findings.size();
        int nb = b.findings.size();
        while (i < na || j < nb) {
            if (j >= nb || (i < na && a.positions[i] < b.positions[j])) {
                out.add(a.findings.get(i), a.positions[i++]);
            } else {
                out.add(b.findings.get(j), b.positions[j++]);
            }
        }
        return out;
    }
}

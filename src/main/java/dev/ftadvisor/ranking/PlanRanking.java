package dev.ftadvisor.ranking;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Proposal;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the plans no rule rejected, the way the rules asked, as a consultant would:
 * <ol>
 *   <li>plans in the requested region first (a region is a requirement), then plans that work as
 *       proposed (no miss of budget, deadline, region or the pricing asked), then by how many of those
 *       they miss;</li>
 *   <li>then by the proposal's objective: expected cost ({@code cost}, the default) or hours
 *       ({@code time}); the other figure breaks ties;</li>
 *   <li>a plan with a higher tie-break score (the rules' weights: the guide's preferences) moves above
 *       the plans it ties with: within the rules' tolerance of them on both cost and hours, with the
 *       same misses; a preference never lifts a plan over one that is clearly cheaper or faster;</li>
 *   <li>finally no plan stays above one that dominates it: no dearer, no slower, no more misses, no
 *       riskier pricing, no more concerns, no lower tie-break score, and better in one of them.</li>
 * </ol>
 * Plain arithmetic over what the rules concluded; no judgment of its own.
 */
public final class PlanRanking {
    private PlanRanking() {
    }

    /** What the order reads of one plan, computed once. */
    record Ranked(Candidate candidate, int order, int misses, boolean outOfRegion, int risk, int concerns, double tieScore,
                  double primary, double secondary) {
        /** Whether this plan strictly dominates {@code o} (see the class comment). */
        boolean dominates(Ranked o) {
            Candidate a = candidate;
            Candidate b = o.candidate;
            boolean noWorse = a.getCostUsd() <= b.getCostUsd() && a.getHours() <= b.getHours()
                    && misses <= o.misses && (!outOfRegion || o.outOfRegion) && risk <= o.risk
                    && concerns <= o.concerns && tieScore >= o.tieScore;
            if (!noWorse) return false;
            return a.getCostUsd() < b.getCostUsd() || a.getHours() < b.getHours() || misses < o.misses
                    || (o.outOfRegion && !outOfRegion) || risk < o.risk || concerns < o.concerns || tieScore > o.tieScore;
        }
    }

    /**
     * Pricing risk: 0 for on-demand and reserved capacity, the node count for spot (every node must
     * survive: a multi-node spot plan is riskier than a single-node one).
     */
    static int risk(Candidate c) {
        return c.isSpot() ? c.getNodes() : 0;
    }

    /** @param order the candidate's place in catalog order: the last tie-break, stable and cheap */
    static Ranked ranked(Candidate c, int order, PlanFindings by, String objective) {
        return ranked(c, order, by.standing(c), objective);
    }

    private static Ranked ranked(Candidate c, int order, PlanFindings.Standing s, String objective) {
        boolean time = Proposal.OBJECTIVE_TIME.equals(objective);
        return new Ranked(c, order, s.misses(), s.outOfRegion(), risk(c), s.concerns(), s.rankScore(),
                time ? c.getHours() : c.getCostUsd(), time ? c.getCostUsd() : c.getHours());
    }

    /**
     * In-region plans first (a region is a requirement), then fewer misses, then the objective figure,
     * the other figure, the safer pricing, and catalog order (written out: a batch sorts a few hundred
     * plans per record, and chained comparators box and allocate).
     */
    static int byFigures(Ranked a, Ranked b) {
        if (a.outOfRegion() != b.outOfRegion()) return a.outOfRegion() ? 1 : -1;
        int x = Integer.compare(a.misses(), b.misses());
        if (x != 0) return x;
        x = Double.compare(a.primary(), b.primary());
        if (x != 0) return x;
        x = Double.compare(a.secondary(), b.secondary());
        if (x != 0) return x;
        x = Integer.compare(a.risk(), b.risk());
        return x != 0 ? x : Integer.compare(a.order(), b.order());
    }

    /**
     * The candidates no rule rejected, best first.
     *
     * @param tolerance relative difference within which two plans' cost and hours count as a tie (0.05 = 5%)
     */
    public static List<Candidate> rank(List<Candidate> candidates, PlanFindings by, String objective, double tolerance) {
        List<Ranked> order = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            PlanFindings.Standing s = by.standing(c);
            if (!s.rejected()) order.add(ranked(c, i, s, objective));
        }
        order.sort(PlanRanking::byFigures);
        double tol = Math.max(0, tolerance);
        if (tol > 0) preferWithinTies(order, tol);
        repairDominance(order, tol);
        List<Candidate> out = new ArrayList<>(order.size());
        for (Ranked r : order) out.add(r.candidate());
        return out;
    }

    /** Whether {@code a} ties with {@code b}: same misses, cost and hours each within the tolerance. */
    static boolean ties(Ranked a, Ranked b, double tol) {
        return a.misses() == b.misses() && a.outOfRegion() == b.outOfRegion()
                && near(a.primary(), b.primary(), tol) && near(a.secondary(), b.secondary(), tol);
    }

    private static boolean near(double x, double y, double tol) {
        return Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y));
    }

    /** Insertion pass: a plan moves above the plans it ties with whose tie-break score is lower. */
    private static void preferWithinTies(List<Ranked> order, double tol) {
        for (int i = 1; i < order.size(); i++) {
            Ranked x = order.get(i);
            int j = i;
            while (j > 0 && x.tieScore() > order.get(j - 1).tieScore() && ties(x, order.get(j - 1), tol)) j--;
            if (j != i) {
                order.remove(i);
                order.add(j, x);
            }
        }
    }

    /**
     * Moves a dominating plan above the plan it dominates. Order is by misses, then by the objective
     * figure up to the tie moves, so a dominator of a plan can only sit a little below it (same misses,
     * objective figure no higher): the scan looks ahead while that can hold.
     */
    private static void repairDominance(List<Ranked> order, double tol) {
        int i = 0;
        int guard = order.size() * order.size() + 1;
        while (i < order.size() && guard-- > 0) {
            Ranked x = order.get(i);
            int found = -1;
            for (int j = i + 1; j < order.size(); j++) {
                Ranked y = order.get(j);
                if (y.misses() != x.misses() || y.outOfRegion() != x.outOfRegion()
                        || y.primary() > x.primary() * (1 + tol) + 1e-9) break;
                if (y.dominates(x)) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                i++;
            } else {
                order.add(i, order.remove(found));
            }
        }
    }

    /** Whether plan {@code a} dominates plan {@code b} as the ranking reads them (for tests and audits). */
    public static boolean dominates(Candidate a, Candidate b, PlanFindings by) {
        return ranked(a, 0, by, Proposal.OBJECTIVE_COST).dominates(ranked(b, 0, by, Proposal.OBJECTIVE_COST));
    }
}

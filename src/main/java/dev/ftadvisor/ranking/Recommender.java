package dev.ftadvisor.ranking;

import dev.ftadvisor.model.Candidate;

import java.util.List;

/**
 * Picks, from a ranking, what a consultant leads with: the plan to rent (the first of the ranking) and
 * the alternatives worth naming beside it: the cheapest plan, the fastest plan within budget, and the
 * best on-demand plan when the recommendation is spot. Alternatives come from the requested region
 * (plans elsewhere are offered as a region change); one that is the recommendation itself is left out.
 */
public final class Recommender {
    private Recommender() {
    }

    /** The plan to rent and its alternatives; any of them null when there is none. */
    public record Picks(Candidate recommended, Candidate cheapest, Candidate fastest, Candidate onDemand) {
        public static final Picks NONE = new Picks(null, null, null, null);

        /** The picked plans, recommended first, without nulls or repeats. */
        public List<Candidate> all() {
            java.util.List<Candidate> out = new java.util.ArrayList<>(4);
            for (Candidate c : new Candidate[] {recommended, cheapest, fastest, onDemand}) {
                if (c != null && !out.contains(c)) out.add(c);
            }
            return out;
        }
    }

    public static Picks pick(List<Candidate> ranking, PlanFindings by) {
        return pick(ranking, by, 0);
    }

    /**
     * @param tolerance the rules' tie tolerance: an alternative within it of the recommendation (cost for
     *        the cheapest, hours for the fastest) is a tie, not an alternative worth naming
     */
    public static Picks pick(List<Candidate> ranking, PlanFindings by, double tolerance) {
        if (ranking.isEmpty()) return Picks.NONE;
        Candidate recommended = ranking.get(0);
        Candidate cheapest = null;
        Candidate cheapestAny = null;
        Candidate fastest = null;
        Candidate fastestAny = null;
        Candidate onDemand = null;
        for (Candidate c : ranking) {
            PlanFindings.Standing s = by.standing(c);
            // alternatives are credible plans in the region: a suspect figure is no alternative
            if (s.outOfRegion() || s.suspect()) continue;
            // the cheapest that still meets the deadline, the fastest that stays within budget
            if (cheapestAny == null || c.getCostUsd() < cheapestAny.getCostUsd()) cheapestAny = c;
            if (!s.overDeadline() && (cheapest == null || c.getCostUsd() < cheapest.getCostUsd())) cheapest = c;
            if (fastestAny == null || c.getHours() < fastestAny.getHours()) fastestAny = c;
            if (!s.overBudget() && (fastest == null || c.getHours() < fastest.getHours())) fastest = c;
            if (onDemand == null && "on-demand".equals(c.getPricing())) onDemand = c;
        }
        if (cheapest == null) cheapest = cheapestAny;
        if (fastest == null) fastest = fastestAny;
        double keep = 1 - Math.max(0, tolerance);
        boolean cheaper = cheapest != recommended && cheapest.getCostUsd() < recommended.getCostUsd() * keep;
        boolean faster = fastest != recommended && fastest.getHours() < recommended.getHours() * keep;
        return new Picks(recommended, cheaper ? cheapest : null, faster ? fastest : null,
                recommended.isSpot() && onDemand != recommended ? onDemand : null);
    }
}

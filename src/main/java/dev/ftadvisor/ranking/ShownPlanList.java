package dev.ftadvisor.ranking;

import dev.ftadvisor.model.Candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * The plans a report shows, from the ranking: the first {@code max} lines, where a plan that is the same
 * offer as one already shown (same provider, GPU, GPU count, nodes and pricing, standing the same way:
 * another region or instance variant of it) joins that line as "also" instead of taking a line of its
 * own; and the recommendation's alternatives, each on its own line wherever they rank.
 */
public final class ShownPlanList {
    /** Plan lines a report shows besides the recommendation's alternatives. */
    public static final int MAX_PLANS = 10;

    private ShownPlanList() {
    }

    /** One line of the plans list: its plan and the near-identical plans folded into it. */
    public record Line(Candidate plan, List<Candidate> also) {
    }

    /** A line's plan with its standing, read once. */
    private record Head(Line line, PlanFindings.Standing standing) {
    }

    public static List<Line> select(List<Candidate> ranking, Recommender.Picks picks, PlanFindings by, int max) {
        List<Candidate> picked = picks.all();
        List<Head> heads = new ArrayList<>(max + picked.size());
        int ordinary = 0;
        for (Candidate c : ranking) {
            if (picked.contains(c)) {
                heads.add(new Head(new Line(c, new ArrayList<>(2)), by.standing(c)));
                continue;
            }
            Head same = null;
            PlanFindings.Standing standing = null;
            for (Head h : heads) {
                if (sameHardwareAndPricing(h.line().plan(), c)) {
                    if (standing == null) standing = by.standing(c);
                    if (h.standing().misses() == standing.misses() && h.standing().outOfRegion() == standing.outOfRegion()) {
                        same = h;
                        break;
                    }
                }
            }
            if (same != null) {
                same.line().also().add(c);
            } else if (ordinary < max) {
                heads.add(new Head(new Line(c, new ArrayList<>(2)), standing != null ? standing : by.standing(c)));
                ordinary++;
            } else if (heads.size() >= max + picked.size()) {
                break;
            }
        }
        List<Line> lines = new ArrayList<>(heads.size());
        for (Head h : heads) lines.add(h.line());
        return lines;
    }

    /** Near-identical (with the same standing, checked by the caller): the same provider's same hardware and pricing. */
    static boolean sameHardwareAndPricing(Candidate a, Candidate b) {
        return a.getGpuCount() == b.getGpuCount() && a.getNodes() == b.getNodes() && a.getPricing().equals(b.getPricing())
                && a.getProvider().equals(b.getProvider()) && a.getGpu().equals(b.getGpu());
    }
}

package dev.ftadvisor.report;

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

    public static List<Line> select(List<Candidate> ranking, Recommender.Picks picks, PlanFindings by, int max) {
        List<Candidate> picked = picks.all();
        List<Line> lines = new ArrayList<>(max + picked.size());
        int ordinary = 0;
        for (Candidate c : ranking) {
            if (picked.contains(c)) {
                lines.add(new Line(c, new ArrayList<>(2)));
                continue;
            }
            Line same = null;
            for (Line l : lines) {
                if (sameOffer(l.plan(), c, by)) {
                    same = l;
                    break;
                }
            }
            if (same != null) {
                same.also().add(c);
            } else if (ordinary < max) {
                lines.add(new Line(c, new ArrayList<>(2)));
                ordinary++;
            } else if (lines.size() >= max + picked.size()) {
                break;
            }
        }
        return lines;
    }

    /** Near-identical: the same provider's same hardware and pricing, standing the same way. */
    static boolean sameOffer(Candidate a, Candidate b, PlanFindings by) {
        return a.getProvider().equals(b.getProvider()) && a.getGpu().equals(b.getGpu())
                && a.getGpuCount() == b.getGpuCount() && a.getNodes() == b.getNodes()
                && a.getPricing().equals(b.getPricing()) && by.misses(a) == by.misses(b)
                && by.isOutOfRegion(a) == by.isOutOfRegion(b);
    }
}

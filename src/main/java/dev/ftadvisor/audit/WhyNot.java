package dev.ftadvisor.audit;

import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.ranking.PlanFindings;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code consult --why-not INSTANCE}: for every candidate built on that instance type (each node count
 * and pricing), where it ended up (rejected, or plan number N) and every finding that rejected it, marked
 * it over budget or deadline, or moved it down the ranking, with the rule's message (which states the
 * numbers it compared) and the rule's location. Compared with the top plan when it is not the top plan.
 */
public final class WhyNot {
    private WhyNot() {
    }

    /** Candidates whose instance type (or provider/instanceType) is the one asked about. */
    public static List<Candidate> matching(Outcome o, String instance) {
        return o.candidates().stream().filter(c -> c.getInstanceType().equalsIgnoreCase(instance)
                || (c.getProvider() + "/" + c.getInstanceType()).equalsIgnoreCase(instance)).toList();
    }

    public static String explain(Outcome o, Report report, String instance) {
        List<Candidate> cs = matching(o, instance);
        PlanFindings byKey = PlanFindings.of(o.findings());
        StringBuilder sb = new StringBuilder();
        sb.append("Why not ").append(instance).append(" for ").append(report.proposalId())
                .append(" (verdict ").append(report.verdict()).append(", rulesVersion ").append(report.rulesVersion()).append(")\n");
        Report.Plan top = report.plans().isEmpty() ? null : report.plans().get(0);
        if (top != null) {
            sb.append(String.format(Locale.ROOT, "Top plan: %s/%s x%d %s, $%.2f, %.1f h, rank score %+.0f%n",
                    top.provider(), top.instanceType(), top.nodes(), top.pricing(), top.costUsd(), top.hours(), top.rankScore()));
        }
        for (Candidate c : cs) {
            List<Finding> fs = byKey.of(c);
            List<Finding> against = fs.stream().filter(WhyNot::against).toList();
            double score = fs.stream().mapToDouble(Finding::getRankWeight).sum();
            sb.append('\n').append(c.getKey()).append(": ").append(standing(c, fs, report));
            sb.append(String.format(Locale.ROOT, "%n  needs %.1f GB per GPU of %.1f GB; %.1f h; $%.2f (%s); rank score %+.0f%n",
                    c.getMemoryPerGpuGb(), c.getGpuMemoryGb(), c.getHours(), c.getCostUsd(), c.getPricing(), score));
            if (against.isEmpty()) {
                sb.append("  no rule rejected it or ranked it lower");
                if (top != null && !isTop(c, top)) {
                    sb.append(String.format(Locale.ROOT, "; it comes after the top plan on %s",
                            score < top.rankScore() ? "rank score (" + fmt(score) + " vs " + fmt(top.rankScore()) + ")"
                                    : "cost ($" + String.format(Locale.ROOT, "%.2f", c.getCostUsd()) + " vs $"
                                    + String.format(Locale.ROOT, "%.2f", top.costUsd()) + ")"));
                }
                sb.append('\n');
            }
            for (Finding f : against) {
                sb.append("  - [").append(effect(f)).append("] ").append(f.getId()).append(" (").append(f.getRuleFile())
                        .append(':').append(f.getRuleLine()).append("): ").append(f.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%+.0f", d);
    }

    public static boolean against(Finding f) {
        return f.isRejecting() || Finding.EFFECT_OVER_BUDGET.equals(f.getEffect())
                || Finding.EFFECT_OVER_DEADLINE.equals(f.getEffect())
                || (Finding.EFFECT_RANK.equals(f.getEffect()) && f.getRankWeight() < 0);
    }

    private static String effect(Finding f) {
        return Finding.EFFECT_RANK.equals(f.getEffect()) ? "rank " + fmt(f.getRankWeight()) : f.getEffect();
    }

    private static boolean isTop(Candidate c, Report.Plan top) {
        return c.getProvider().equals(top.provider()) && c.getInstanceType().equals(top.instanceType())
                && c.getNodes() == top.nodes() && c.getPricing().equals(top.pricing());
    }

    /** "REJECTED", "plan #N", or viable but below the plans shown. */
    public static String standing(Candidate c, List<Finding> fs, Report report) {
        if (fs.stream().anyMatch(Finding::isRejecting)) return "REJECTED";
        for (Report.Plan p : report.plans()) {
            if (isTop(c, p)) return "plan #" + p.rank();
        }
        return "viable, ranked below the " + report.plans().size() + " plans shown";
    }
}

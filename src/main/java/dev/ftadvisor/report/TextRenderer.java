package dev.ftadvisor.report;

import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Finding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A report a person reads in a terminal: verdict first, then plans with their reasons, then why not. */
public final class TextRenderer implements ReportRenderer {
    /** Rejected instance types listed in full; the rest are counted. */
    static final int MAX_REJECTED = 12;

    @Override
    public String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("ftadvisor consultation: ").append(r.proposalId()).append('\n');
        sb.append("Verdict: ").append(r.verdict() == null ? "none" : r.verdict().toUpperCase(Locale.ROOT))
                .append(" - ").append(r.summary());
        if (r.verdictRule() != null) sb.append("  [").append(r.verdictRule()).append(']');
        sb.append("\n\n");

        Report.EstimateView e = r.estimate();
        sb.append(String.format(Locale.ROOT, "Estimate for %s (%.2fB parameters), method %s%n", e.model(),
                e.parametersBillions(), e.method()));
        sb.append(String.format(Locale.ROOT, "  memory on one GPU, unsharded: %.1f GB =", e.memoryGb()));
        boolean first = true;
        for (Map.Entry<String, Double> m : e.memory().entrySet()) {
            if (m.getValue() == 0) continue;
            sb.append(first ? " " : " + ").append(String.format(Locale.ROOT, "%s %.1f", m.getKey(), m.getValue()));
            first = false;
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  training: %s tokens, %.3g FLOPs, %s trainable parameters%n",
                human(e.trainingTokens()), e.trainingFlops(), human(e.trainableParameters())));
        sb.append("  settings: ").append(e.settings()).append('\n');
        if (e.assumptions() != null && !e.assumptions().isEmpty()) {
            sb.append("  estimator assumptions:\n");
            for (var a : e.assumptions()) {
                sb.append("    ").append(a.name()).append(" = ").append(a.value()).append("  [").append(a.source()).append("]\n");
            }
        }
        sb.append('\n');

        sb.append("Plans (").append(r.plans().size()).append(" shown, best first):\n");
        if (r.plans().isEmpty()) sb.append("  none: every candidate was rejected (see below)\n");
        for (Report.Plan p : r.plans()) {
            sb.append(String.format(Locale.ROOT, "%3d. %s %s (%s): %dx %s%s, %s $%.2f/h, %.1f h, $%.2f%s%s%n",
                    p.rank(), p.provider(), p.instanceType(), p.region(), p.gpuCount(), p.gpu(),
                    p.nodes() > 1 ? " x " + p.nodes() + " nodes" : "", p.pricing(), p.usdPerHour(), p.hours(),
                    p.costUsd(), p.withinBudget() ? "" : "  OVER BUDGET", p.withinDeadline() ? "" : "  OVER DEADLINE"));
            sb.append(String.format(Locale.ROOT, "       needs %.1f GB per GPU of %.0f GB (%s), RAM %.0f GB%n",
                    p.memoryPerGpuGb(), p.gpuMemoryGb(), p.sharding(), p.ramGb()));
            for (Report.Reason reason : p.reasons()) {
                sb.append("       - ").append(reason(reason)).append('\n');
            }
        }
        sb.append('\n');
        if (!r.changes().isEmpty()) {
            sb.append("Changes that would make it work:\n");
            for (Report.Change c : r.changes()) {
                sb.append("  - ").append(c.description());
                if (c.plan() != null) {
                    Report.Plan p = c.plan();
                    sb.append(String.format(Locale.ROOT, "%n      plan: %s %s (%s): %dx %s%s, %s, %.1f h, $%.2f", p.provider(),
                            p.instanceType(), p.region(), p.gpuCount(), p.gpu(), p.nodes() > 1 ? " x " + p.nodes() + " nodes" : "",
                            p.pricing(), p.hours(), p.costUsd()));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (!r.rejected().isEmpty()) {
            sb.append("Rejected (").append(r.rejected().size()).append(" instance configurations):\n");
            int shown = 0;
            for (Report.Rejected rej : r.rejected()) {
                if (shown++ >= MAX_REJECTED) {
                    sb.append("  ... and ").append(r.rejected().size() - MAX_REJECTED).append(" more (use --format json)\n");
                    break;
                }
                sb.append(String.format(Locale.ROOT, "  %s %s%s: %s%n", rej.provider(), rej.instanceType(),
                        rej.nodes() > 1 ? " x" + rej.nodes() : "", rej.reasons().isEmpty() ? "" : reason(rej.reasons().get(0))));
            }
            sb.append('\n');
        }
        List<Finding> general = r.findings().stream().filter(f -> !f.isAboutCandidate()).toList();
        if (!general.isEmpty()) {
            sb.append("Findings:\n");
            for (Finding f : general) {
                sb.append(String.format(Locale.ROOT, "  [%s] %s%n      rule %s at %s:%d; guide: %s%n", f.getSeverity(),
                        f.getMessage(), f.getId(), f.getRuleFile(), f.getRuleLine(), String.join(", ", f.getSources())));
            }
            sb.append('\n');
        }
        if (!r.assumptions().isEmpty()) {
            sb.append("Assumptions:\n");
            for (Assumption a : r.assumptions()) {
                sb.append("  ").append(a.field()).append(" = ").append(a.value()).append(" (").append(a.source()).append(")\n");
            }
            sb.append('\n');
        }
        if (r.trace() != null) {
            sb.append("Trace (rules fired, in order):\n");
            r.trace().forEach(t -> sb.append(String.format(Locale.ROOT, "  %4d %s @ %s %s%n", t.order(), t.ruleId(),
                    t.location(), t.matched())));
            sb.append('\n');
        }
        sb.append("catalog as of ").append(r.catalogAsOf()).append("; rules ").append(r.rulesVersion()).append('\n');
        return sb.toString();
    }

    static String reason(Report.Reason r) {
        return String.format(Locale.ROOT, "[%s] %s (%s @ %s:%d; guide %s)", r.severity(), r.message(), r.id(),
                r.ruleFile(), r.ruleLine(), String.join(", ", r.sources()));
    }

    static String human(double v) {
        if (v >= 1e12) return String.format(Locale.ROOT, "%.1fT", v / 1e12);
        if (v >= 1e9) return String.format(Locale.ROOT, "%.2fB", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }
}

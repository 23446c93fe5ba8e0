package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Finding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A report a person reads in a terminal: verdict first, then plans with their reasons, then why not. */
public final class TextRenderer implements ReportRenderer {

    private final Texts t;

    public TextRenderer() {
        this(Lang.EN);
    }

    /** Headings and labels in the given language; rule messages arrive already localized. */
    public TextRenderer(Lang lang) {
        this.t = Texts.of(lang);
    }

    @Override
    public String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.get("report.title", r.proposalId())).append('\n');
        sb.append(t.get("report.verdict")).append(": ").append(t.get(r.verdict() == null ? "verdict.none" : "verdict." + r.verdict()))
                .append(" - ").append(r.summary());
        if (r.verdictRule() != null) sb.append("  [").append(r.verdictRule()).append(']');
        sb.append("\n\n");
        recommendation(sb, r);

        Report.EstimateView e = r.estimate();
        sb.append(t.get("report.estimate.line", e.model(), String.format(Locale.ROOT, "%.2f", e.parametersBillions()),
                e.method())).append('\n');
        sb.append("  ").append(t.get("report.memory", String.format(Locale.ROOT, "%.1f", e.memoryGb()))).append(" =");
        boolean first = true;
        for (Map.Entry<String, Double> m : e.memory().entrySet()) {
            if (m.getValue() == 0) continue;
            sb.append(first ? " " : " + ").append(String.format(Locale.ROOT, "%s %.1f", m.getKey(), m.getValue()));
            first = false;
        }
        sb.append('\n');
        sb.append("  ").append(t.get("report.training", human(e.trainingTokens()),
                String.format(Locale.ROOT, "%.3g", e.trainingFlops()), human(e.trainableParameters()))).append('\n');
        sb.append("  ").append(t.get("report.settings")).append(": ").append(Words.settings(t, e.settings())).append('\n');
        if (e.assumptions() != null && !e.assumptions().isEmpty()) {
            sb.append("  ").append(t.get("report.estimatorAssumptions")).append(":\n");
            for (var a : e.assumptions()) {
                sb.append("    ").append(a.name()).append(" = ").append(a.value()).append("  [").append(a.source()).append("]\n");
            }
        }
        sb.append('\n');

        sb.append(t.get("report.plans", r.plans().size())).append(":\n");
        if (r.planNotes() != null && !r.planNotes().isEmpty()) {
            sb.append("  ").append(t.get("report.planNotes")).append(":\n");
            for (Report.Reason reason : r.planNotes()) sb.append("   - ").append(reason(reason)).append('\n');
        }
        if (r.plans().isEmpty()) sb.append("  ").append(t.get("report.plans.none")).append('\n');
        for (Report.Plan p : r.plans()) {
            sb.append(String.format(Locale.ROOT, "%3d. %s %s (%s): %dx %s%s, %s $%.2f/h%s, %.1f h%s, $%.2f%s%n",
                    p.rank(), p.provider(), p.instanceType(), p.region(), p.gpuCount(), p.gpu(),
                    p.nodes() > 1 ? " x " + t.get("report.nodes", p.nodes()) : "", p.pricing(), p.usdPerHour(),
                    p.priceBasis() != null && p.priceBasis().startsWith("estimated") ? " (estimated)" : "", p.hours(),
                    p.reworkHours() >= 0.05 ? t.get("report.plan.rework", String.format(Locale.ROOT, "%.1f", p.reworkHours())) : "",
                    p.costUsd(), standing(p)));
            if (!p.also().isEmpty()) {
                sb.append("       ").append(t.get("report.also")).append(": ").append(String.join(", ", p.also())).append('\n');
            }
            sb.append("       ").append(t.get("report.plan.needs", String.format(Locale.ROOT, "%.1f", p.memoryPerGpuGb()),
                    String.format(Locale.ROOT, "%.0f", p.gpuMemoryGb()), p.sharding(), String.format(Locale.ROOT, "%.0f", p.ramGb())))
                    .append('\n');
            for (Report.Reason reason : p.reasons()) {
                sb.append("       - ").append(reason(reason)).append('\n');
            }
        }
        sb.append('\n');
        if (!r.changes().isEmpty()) {
            sb.append(t.get("report.changes")).append(":\n");
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
            List<RejectedGroups.Group> groups = RejectedGroups.of(r.rejected());
            sb.append(t.get("report.rejectedGroups", r.rejected().size())).append(":\n");
            for (RejectedGroups.Group g : groups) {
                sb.append("  ").append(t.get("report.rejectedGroup", g.count(), String.join(", ", g.examples())))
                        .append(":\n      ").append(g.reason() == null ? "" : reason(g.reason())).append('\n');
            }
            sb.append('\n');
        }
        List<Finding> general = r.findings().stream().filter(f -> !f.isAboutCandidate()).toList();
        if (!general.isEmpty()) {
            sb.append(t.get("report.findings")).append(":\n");
            for (Finding f : general) {
                sb.append(String.format(Locale.ROOT, "  [%s] %s%n      %s %s @ %s:%d; %s: %s%n", f.getSeverity(),
                        f.getMessage(), t.get("report.rule"), f.getId(), f.getRuleFile(), f.getRuleLine(), t.get("report.guide"),
                        String.join(", ", f.getSources())));
            }
            sb.append('\n');
        }
        if (!r.assumptions().isEmpty()) {
            sb.append(t.get("report.assumptions")).append(":\n");
            for (Assumption a : r.assumptions()) {
                sb.append("  ").append(a.field()).append(" = ").append(a.value()).append(" (").append(a.source()).append(")\n");
            }
            sb.append('\n');
        }
        if (r.trace() != null) {
            sb.append(t.get("report.trace")).append(":\n");
            r.trace().forEach(t -> sb.append(String.format(Locale.ROOT, "  %4d %s @ %s %s%n", t.order(), t.ruleId(),
                    t.location(), t.matched())));
            sb.append('\n');
        }
        sb.append(t.get("report.footer", r.catalogAsOf(), r.rulesVersion())).append('\n');
        if (r.catalogNote() != null) sb.append(r.catalogNote()).append('\n');
        return sb.toString();
    }

    /** The recommendation first, as a consultant leads: the plan, why (two lines), then the alternatives. */
    private void recommendation(StringBuilder sb, Report r) {
        Report.Recommendation rec = r.recommendation();
        if (rec == null) return;
        Report.Plan p = r.plans().get(rec.rank() - 1);
        sb.append(t.get("rec.title")).append(": ").append(Words.recommendation(t, rec, p)).append('\n');
        for (String line : rec.why()) sb.append("  ").append(line).append('\n');
        for (var a : Words.alternatives(rec)) alternative(sb, a.getKey(), a.getValue(), r);
        sb.append('\n');
    }

    private void alternative(StringBuilder sb, String label, Report.Alternative a, Report r) {
        sb.append("  ").append(t.get(label)).append(": ").append(Words.alternative(t, a, r.plans().get(a.rank() - 1))).append('\n');
    }

    /** What keeps a plan from working as proposed, upper-cased after its cost ("" when nothing). */
    private String standing(Report.Plan p) {
        StringBuilder sb = new StringBuilder();
        if (!p.withinBudget()) sb.append("  ").append(t.get("fits.overBudget").toUpperCase(Locale.ROOT));
        if (!p.withinDeadline()) sb.append("  ").append(t.get("fits.overDeadline").toUpperCase(Locale.ROOT));
        if (!p.inRegion()) sb.append("  ").append(t.get("fits.outOfRegion").toUpperCase(Locale.ROOT));
        if (!p.recommendable()) sb.append("  ").append(t.get("fits.notRecommended").toUpperCase(Locale.ROOT));
        return sb.toString();
    }

    String reason(Report.Reason r) {
        return String.format(Locale.ROOT, "[%s] %s (%s @ %s:%d; %s %s)", r.severity(), r.message(), r.id(),
                r.ruleFile(), r.ruleLine(), t.get("report.guide"), String.join(", ", r.sources()));
    }

    static String human(double v) {
        if (v >= 1e12) return String.format(Locale.ROOT, "%.1fT", v / 1e12);
        if (v >= 1e9) return String.format(Locale.ROOT, "%.2fB", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        if (v >= 1e3) return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        return String.format(Locale.ROOT, "%.0f", v);
    }
}

package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Finding;

import java.util.List;
import java.util.Locale;

/** The report as Markdown (GitHub flavour): for pasting into an issue, a wiki page or a review. */
public final class MarkdownRenderer implements ReportRenderer {
    private final Texts t;

    public MarkdownRenderer(Lang lang) {
        this.t = Texts.of(lang);
    }

    @Override
    public String render(Report r) {
        StringBuilder m = new StringBuilder();
        m.append("# ").append(t.get("report.title", r.proposalId())).append("\n\n");
        m.append("**").append(t.get("report.verdict")).append(": ").append(Words.verdict(t, r.verdict())).append("** - ")
                .append(cell(r.summary()));
        if (r.verdictRule() != null) m.append(" (").append(t.get("report.verdictRule")).append(" `").append(r.verdictRule()).append("`)");
        m.append("\n\n");
        recommendation(m, r);
        m.append("## ").append(t.get("report.estimate")).append("\n\n");
        Report.EstimateView e = r.estimate();
        m.append("- ").append(t.get("report.estimate.line", e.model(), String.format(Locale.ROOT, "%.2f", e.parametersBillions()),
                e.method())).append('\n');
        m.append("- ").append(t.get("report.memory", Words.f1(e.memoryGb())));
        e.memory().forEach((k, v) -> {
            if (v != 0) m.append(", ").append(k).append(' ').append(Words.f1(v));
        });
        m.append('\n');
        m.append("- ").append(t.get("report.training", TextRenderer.human(e.trainingTokens()),
                String.format(Locale.ROOT, "%.3g", e.trainingFlops()), TextRenderer.human(e.trainableParameters()))).append('\n');
        m.append("- ").append(t.get("report.settings")).append(": ").append(cell(Words.settings(t, e.settings()))).append("\n\n");

        m.append("## ").append(t.get("report.plans", r.plans().size())).append("\n\n");
        if (r.plans().isEmpty()) {
            m.append(t.get("report.plans.none")).append("\n\n");
        } else {
            m.append('|');
            for (String c : List.of("col.rank", "col.provider", "col.instance", "col.region", "col.gpus", "col.memory",
                    "col.pricing", "col.usdPerHour", "col.hours", "col.cost", "col.fits")) {
                m.append(' ').append(t.get(c)).append(" |");
            }
            m.append("\n|---|---|---|---|---|--:|---|--:|--:|--:|---|\n");
            for (Report.Plan p : r.plans()) {
                m.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %.1f / %.0f GB | %s | %s | %.1f | %s | %s |%n",
                        p.rank(), p.provider(), p.instanceType(), p.region(), Words.gpus(t, p), p.memoryPerGpuGb(),
                        p.gpuMemoryGb(), p.pricing(), Words.usd(p.usdPerHour()), p.hours(), Words.usd(p.costUsd()),
                        Words.fits(t, p)));
                if (!p.also().isEmpty()) {
                    m.append("| | ").append(t.get("report.also")).append(": ").append(cell(String.join(", ", p.also())))
                            .append(" | | | | | | | | | |\n");
                }
            }
            m.append('\n');
            if (r.planNotes() != null && !r.planNotes().isEmpty()) {
                m.append("**").append(t.get("report.planNotes")).append("**\n\n");
                reasons(m, r.planNotes());
            }
            for (Report.Plan p : r.plans()) {
                if (p.reasons().isEmpty()) continue;
                m.append("**#").append(p.rank()).append(' ').append(p.provider()).append(' ').append(p.instanceType())
                        .append(" (").append(p.pricing()).append(")**\n\n");
                reasons(m, p.reasons());
            }
        }
        if (!r.changes().isEmpty()) {
            m.append("## ").append(t.get("report.changes")).append("\n\n");
            for (Report.Change c : r.changes()) {
                m.append("- ").append(cell(c.description()));
                if (c.plan() != null) {
                    m.append(String.format(Locale.ROOT, " -> %s %s, %.1f h, %s", c.plan().provider(),
                            c.plan().instanceType(), c.plan().hours(), Words.usd(c.plan().costUsd())));
                }
                m.append('\n');
            }
            m.append('\n');
        }
        if (!r.rejected().isEmpty()) {
            m.append("## ").append(t.get("report.rejectedGroups", r.rejected().size())).append("\n\n");
            for (RejectedGroups.Group g : RejectedGroups.of(r.rejected())) {
                m.append("- ").append(cell(t.get("report.rejectedGroup", g.count(), String.join(", ", g.examples()))));
                if (g.reason() != null) m.append(": ").append(reason(g.reason()));
                m.append('\n');
            }
            m.append('\n');
        }
        List<Finding> general = r.findings().stream().filter(f -> !f.isAboutCandidate()).toList();
        if (!general.isEmpty()) {
            m.append("## ").append(t.get("report.findings")).append("\n\n");
            for (Finding f : general) {
                m.append("- **").append(f.getSeverity()).append("** ").append(cell(f.getMessage())).append(" _(")
                        .append(Words.ruleRef(t, "`" + f.getId() + "`", f.getRuleFile(), f.getRuleLine(), f.getSources()))
                        .append(")_\n");
            }
            m.append('\n');
        }
        if (!r.assumptions().isEmpty()) {
            m.append("## ").append(t.get("report.assumptions")).append("\n\n");
            for (Assumption a : r.assumptions()) {
                m.append("- `").append(a.field()).append("` = ").append(a.value()).append(" (").append(cell(a.source())).append(")\n");
            }
            m.append('\n');
        }
        if (r.trace() != null) {
            m.append("## ").append(t.get("report.trace")).append("\n\n");
            r.trace().forEach(x -> m.append(String.format(Locale.ROOT, "%d. `%s` @ %s %s%n", x.order(), x.ruleId(),
                    x.location(), x.matched())));
            m.append('\n');
        }
        m.append("_").append(t.get("report.footer", r.catalogAsOf(), r.rulesVersion())).append("_\n");
        if (r.catalogNote() != null) m.append("\n_").append(cell(r.catalogNote())).append("_\n");
        return m.toString();
    }

    /** The recommendation first: the plan to rent and why, then the alternatives with what each trades. */
    private void recommendation(StringBuilder m, Report r) {
        Report.Recommendation rec = r.recommendation();
        if (rec == null) return;
        Report.Plan p = r.plans().get(rec.rank() - 1);
        m.append("## ").append(t.get("rec.title")).append("\n\n**").append(cell(Words.recommendation(t, rec, p))).append("**\n\n");
        for (String line : rec.why()) m.append("- ").append(cell(line)).append('\n');
        m.append('\n');
        for (var a : Words.alternatives(rec)) alternative(m, a.getKey(), a.getValue(), r);
        if (!Words.alternatives(rec).isEmpty()) m.append('\n');
    }

    private void alternative(StringBuilder m, String label, Report.Alternative a, Report r) {
        m.append("- **").append(t.get(label)).append("**: ").append(cell(Words.alternative(t, a, r.plans().get(a.rank() - 1))))
                .append('\n');
    }

    private void reasons(StringBuilder m, List<Report.Reason> reasons) {
        for (Report.Reason x : reasons) m.append("- ").append(reason(x)).append('\n');
        m.append('\n');
    }

    private String reason(Report.Reason x) {
        return "**" + x.severity() + "** " + cell(x.message()) + " _(" + Words.ruleRef(t, "`" + x.id() + "`", x.ruleFile(),
                x.ruleLine(), x.sources()) + ")_";
    }

    /** Text that must not break a table or start a Markdown construct. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}

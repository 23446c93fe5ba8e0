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
        m.append("\n\n## ").append(t.get("report.estimate")).append("\n\n");
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
        m.append("- ").append(t.get("report.settings")).append(": `").append(e.settings()).append("`\n\n");

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
            }
            m.append('\n');
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
            m.append("## ").append(t.get("report.rejected", r.rejected().size())).append("\n\n");
            int shown = 0;
            for (Report.Rejected x : r.rejected()) {
                if (shown++ >= TextRenderer.MAX_REJECTED) {
                    m.append("- ").append(t.get("report.rejected.more", r.rejected().size() - TextRenderer.MAX_REJECTED)).append('\n');
                    break;
                }
                m.append("- ").append(x.provider()).append(' ').append(x.instanceType()).append(x.nodes() > 1 ? " x" + x.nodes() : "");
                if (!x.reasons().isEmpty()) m.append(": ").append(reason(x.reasons().get(0)));
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
        return m.toString();
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

package dev.ftadvisor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.Assumption;
import dev.ftadvisor.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report: the plans as a table, a plot of cost against hours for the plans
 * with the budget and deadline marked (uPlot, inlined), findings with their rule and guide sources.
 * {@link #fragment} is the same report without the page around it, for the web page.
 */
public final class HtmlRenderer implements ReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Texts t;
    private final Double budgetUsd;
    private final Double deadlineHours;

    /** budgetUsd and deadlineHours (null when the proposal has none) are drawn as lines on the plot. */
    public HtmlRenderer(Lang lang, Double budgetUsd, Double deadlineHours) {
        this.t = Texts.of(lang);
        this.budgetUsd = budgetUsd;
        this.deadlineHours = deadlineHours;
    }

    @Override
    public String render(Report r) {
        return "<!DOCTYPE html>\n<html lang=\"" + t.lang().code() + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + esc(t.get("report.title", r.proposalId())) + "</title>\n<style>\n" + WebAssets.UPLOT_CSS + "\n"
                + WebAssets.REPORT_CSS + "\n</style>\n</head>\n<body>\n" + fragment(r)
                + "<script>\n" + WebAssets.UPLOT_JS + "\n</script>\n<script>\n" + WebAssets.PLOT_JS
                + "\nftadvisorPlot(document);\n</script>\n</body>\n</html>\n";
    }

    /** The report as one {@code <section>}; the page that shows it must load uPlot and plot.js. */
    public String fragment(Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<section class=\"ftadvisor-report\" lang=\"").append(t.lang().code()).append("\">\n");
        h.append("<h1>").append(esc(t.get("report.title", r.proposalId()))).append("</h1>\n");
        h.append("<p class=\"verdict ").append(esc(String.valueOf(r.verdict()))).append("\" id=\"verdict\"><strong>")
                .append(esc(t.get("report.verdict"))).append(": ").append(esc(Words.verdict(t, r.verdict())))
                .append("</strong> - ").append(esc(r.summary()));
        if (r.verdictRule() != null) {
            h.append(" <span class=\"src\">(").append(esc(t.get("report.verdictRule"))).append(' ')
                    .append(esc(r.verdictRule())).append(")</span>");
        }
        h.append("</p>\n");
        recommendation(h, r);
        estimate(h, r.estimate());
        if (!r.plans().isEmpty()) plot(h, r.plans());
        plans(h, r);
        changes(h, r.changes());
        rejected(h, r.rejected());
        findings(h, r.findings());
        assumptions(h, r.assumptions());
        h.append("<p class=\"src\">").append(esc(t.get("report.footer", r.catalogAsOf(), r.rulesVersion()))).append("</p>\n");
        if (r.catalogNote() != null) h.append("<p class=\"src\" id=\"catalog-note\">").append(esc(r.catalogNote())).append("</p>\n");
        h.append("</section>\n");
        return h.toString();
    }

    /** The recommendation first: the plan to rent and why, then the alternatives with what each trades. */
    private void recommendation(StringBuilder h, Report r) {
        Report.Recommendation rec = r.recommendation();
        if (rec == null) return;
        Report.Plan p = r.plans().get(rec.rank() - 1);
        h.append("<div id=\"recommendation\" class=\"recommendation\">\n<h2>").append(esc(t.get("rec.title"))).append("</h2>\n<p><strong>")
                .append(esc(Words.recommendation(t, rec, p)))
                .append("</strong></p>\n<ul class=\"why\">\n");
        for (String line : rec.why()) h.append("<li>").append(esc(line)).append("</li>\n");
        h.append("</ul>\n<ul class=\"alternatives\">\n");
        for (var a : Words.alternatives(rec)) alternative(h, a.getKey(), a.getValue(), r);
        h.append("</ul>\n</div>\n");
    }

    private void alternative(StringBuilder h, String label, Report.Alternative a, Report r) {
        h.append("<li><strong>").append(esc(t.get(label))).append("</strong>: ")
                .append(esc(Words.alternative(t, a, r.plans().get(a.rank() - 1)))).append("</li>\n");
    }

    private void estimate(StringBuilder h, Report.EstimateView e) {
        h.append("<h2>").append(esc(t.get("report.estimate"))).append("</h2>\n<ul>\n");
        h.append("<li>").append(esc(t.get("report.estimate.line", e.model(), String.format(java.util.Locale.ROOT, "%.2f",
                e.parametersBillions()), e.method()))).append("</li>\n");
        StringBuilder mem = new StringBuilder();
        e.memory().forEach((k, v) -> {
            if (v != 0) mem.append(mem.length() > 0 ? " + " : " = ").append(k).append(' ').append(Words.f1(v));
        });
        h.append("<li>").append(esc(t.get("report.memory", Words.f1(e.memoryGb())) + mem)).append("</li>\n");
        h.append("<li>").append(esc(t.get("report.training", TextRenderer.human(e.trainingTokens()),
                String.format(java.util.Locale.ROOT, "%.3g", e.trainingFlops()), TextRenderer.human(e.trainableParameters()))))
                .append("</li>\n");
        h.append("<li>").append(esc(t.get("report.settings"))).append(": ").append(esc(Words.settings(t, e.settings()))).append("</li>\n");
        h.append("</ul>\n");
    }

    private void plans(StringBuilder h, Report r) {
        h.append("<h2>").append(esc(t.get("report.plans", r.plans().size()))).append("</h2>\n");
        if (r.plans().isEmpty()) {
            h.append("<p>").append(esc(t.get("report.plans.none"))).append("</p>\n");
            return;
        }
        h.append("<table id=\"plans\">\n<tr>");
        for (String c : List.of("col.rank", "col.provider", "col.instance", "col.region", "col.gpus", "col.memory",
                "col.pricing", "col.usdPerHour", "col.hours", "col.cost", "col.fits", "col.reasons")) {
            h.append("<th>").append(esc(t.get(c))).append("</th>");
        }
        h.append("</tr>\n");
        for (Report.Plan p : r.plans()) {
            boolean miss = !p.withinBudget() || !p.withinDeadline();
            h.append("<tr class=\"plan\"><td class=\"num\">").append(p.rank()).append("</td><td>").append(esc(p.provider()))
                    .append("</td><td>").append(esc(p.instanceType())).append("</td><td>").append(esc(p.region()))
                    .append("</td><td>").append(esc(Words.gpus(t, p))).append("</td><td class=\"num\">")
                    .append(Words.f1(p.memoryPerGpuGb())).append(" / ").append(Words.f1(p.gpuMemoryGb())).append(" GB<br>")
                    .append(esc(p.sharding())).append("</td><td>").append(esc(p.pricing())).append("</td><td class=\"num\">")
                    .append(Words.usd(p.usdPerHour())).append("</td><td class=\"num\">").append(Words.f1(p.hours()))
                    .append("</td><td class=\"num\">").append(Words.usd(p.costUsd())).append("</td><td")
                    .append(miss ? " class=\"miss\"" : "").append('>').append(esc(Words.fits(t, p))).append("</td><td class=\"why\">");
            if (!p.also().isEmpty()) {
                h.append("<p class=\"also\">").append(esc(t.get("report.also"))).append(": ").append(esc(String.join(", ", p.also()))).append("</p>");
            }
            reasons(h, p.reasons());
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (r.planNotes() != null && !r.planNotes().isEmpty()) {
            h.append("<div id=\"plan-notes\"><strong>").append(esc(t.get("report.planNotes"))).append("</strong>");
            reasons(h, r.planNotes());
            h.append("</div>\n");
        }
    }

    private void reasons(StringBuilder h, List<Report.Reason> reasons) {
        if (reasons.isEmpty()) return;
        h.append("<ul class=\"reasons\">");
        for (Report.Reason x : reasons) {
            h.append("<li><span class=\"sev ").append(esc(x.severity())).append("\">").append(esc(x.severity()))
                    .append("</span> ").append(esc(x.message())).append(" <span class=\"src\">")
                    .append(esc(Words.ruleRef(t, x.id(), x.ruleFile(), x.ruleLine(), x.sources()))).append("</span></li>");
        }
        h.append("</ul>");
    }

    private void plot(StringBuilder h, List<Report.Plan> plans) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> points = new ArrayList<>();
        for (Report.Plan p : plans) {
            points.add(Map.of("rank", p.rank(), "hours", p.hours(), "cost", p.costUsd()));
        }
        data.put("points", points);
        data.put("budget", budgetUsd);
        data.put("deadline", deadlineHours);
        Map<String, String> words = new LinkedHashMap<>();
        words.put("title", t.get("plot.title"));
        words.put("hours", t.get("plot.hours"));
        words.put("cost", t.get("plot.cost"));
        words.put("plans", t.get("plot.plans"));
        words.put("budget", budgetUsd == null ? "" : t.get("plot.budget", Words.usd(budgetUsd)));
        words.put("deadline", deadlineHours == null ? "" : t.get("plot.deadline", Words.f1(deadlineHours)));
        data.put("t", words);
        String json;
        try {
            json = JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.append("<h2>").append(esc(t.get("plot.title"))).append("</h2>\n<div class=\"ftadvisor-plot\" id=\"plot\">")
                .append("<script type=\"application/json\">").append(json).append("</script>")
                .append("<div class=\"plot-canvas\"></div></div>\n");
    }

    private void changes(StringBuilder h, List<Report.Change> changes) {
        if (changes.isEmpty()) return;
        h.append("<h2>").append(esc(t.get("report.changes"))).append("</h2>\n<ul id=\"changes\">\n");
        for (Report.Change c : changes) {
            h.append("<li>").append(esc(c.description()));
            if (c.plan() != null) {
                h.append(" &rarr; ").append(esc(c.plan().provider() + " " + c.plan().instanceType())).append(", ")
                        .append(Words.f1(c.plan().hours())).append(" h, ").append(Words.usd(c.plan().costUsd()));
            }
            reasons(h, c.reasons() == null ? List.of() : c.reasons());
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private void rejected(StringBuilder h, List<Report.Rejected> rejected) {
        if (rejected.isEmpty()) return;
        h.append("<h2>").append(esc(t.get("report.rejectedGroups", rejected.size()))).append("</h2>\n<ul id=\"rejected-groups\">\n");
        for (RejectedGroups.Group g : RejectedGroups.of(rejected)) {
            h.append("<li>").append(esc(t.get("report.rejectedGroup", g.count(), String.join(", ", g.examples()))));
            if (g.reason() != null) reasons(h, List.of(g.reason()));
            h.append("</li>\n");
        }
        h.append("</ul>\n");
        h.append("<details><summary>").append(esc(t.get("report.rejected", rejected.size())))
                .append("</summary>\n<table id=\"rejected\">\n<tr><th>").append(esc(t.get("col.provider")))
                .append("</th><th>").append(esc(t.get("col.instance"))).append("</th><th>").append(esc(t.get("col.gpus")))
                .append("</th><th>").append(esc(t.get("col.pricing"))).append("</th><th>").append(esc(t.get("col.reasons")))
                .append("</th></tr>\n");
        for (Report.Rejected x : rejected) {
            h.append("<tr><td>").append(esc(x.provider())).append("</td><td>").append(esc(x.instanceType()))
                    .append(x.nodes() > 1 ? " x" + x.nodes() : "").append("</td><td>")
                    .append(esc(x.gpuCount() + "x " + x.gpu())).append("</td><td>").append(esc(String.join(", ", x.pricing())))
                    .append("</td><td>");
            reasons(h, x.reasons());
            h.append("</td></tr>\n");
        }
        h.append("</table></details>\n");
    }

    private void findings(StringBuilder h, List<Finding> findings) {
        List<Finding> general = findings.stream().filter(f -> !f.isAboutCandidate()).toList();
        if (general.isEmpty()) return;
        h.append("<h2>").append(esc(t.get("report.findings"))).append("</h2>\n<ul id=\"findings\">\n");
        for (Finding f : general) {
            h.append("<li class=\"finding\"><span class=\"sev ").append(esc(f.getSeverity())).append("\">")
                    .append(esc(f.getSeverity())).append("</span> ").append(esc(f.getMessage())).append(" <span class=\"src\">")
                    .append(esc(Words.ruleRef(t, f.getId(), f.getRuleFile(), f.getRuleLine(), f.getSources())))
                    .append("</span></li>\n");
        }
        h.append("</ul>\n");
    }

    private void assumptions(StringBuilder h, List<Assumption> assumptions) {
        if (assumptions.isEmpty()) return;
        h.append("<h2>").append(esc(t.get("report.assumptions"))).append("</h2>\n<ul id=\"assumptions\">\n");
        for (Assumption a : assumptions) {
            h.append("<li><code>").append(esc(a.field())).append("</code> = ").append(esc(a.value())).append(" <span class=\"src\">(")
                    .append(esc(a.source())).append(")</span></li>\n");
        }
        h.append("</ul>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

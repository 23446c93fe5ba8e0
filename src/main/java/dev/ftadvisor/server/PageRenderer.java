package dev.ftadvisor.server;

import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.report.WebAssets;

import java.util.TreeSet;

import static dev.ftadvisor.report.HtmlRenderer.esc;

/**
 * The web page: a form for a proposal with sensible defaults (the contract's defaults, and a
 * typical LoRA run on an 8B model), and the report rendered in place by the same HTML renderer as
 * {@code consult --format html}. Everything it needs is inlined: it works with no network.
 */
final class PageRenderer {
    private PageRenderer() {
    }

    static String page(Lang lang, Catalog catalog) {
        Texts t = Texts.of(lang);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(t.get("page.title"))).append("</title>\n<style>\n").append(WebAssets.UPLOT_CSS).append('\n')
                .append(WebAssets.REPORT_CSS).append('\n').append(WebAssets.read("/web/page.css")).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(t.get("page.title"))).append("</h1><nav>").append(esc(t.get("page.language")))
                .append(": <a id=\"lang-en\" href=\"/?lang=en\">English</a> | <a id=\"lang-zh\" href=\"/?lang=zh\">中文</a></nav></header>\n");
        h.append("<p>").append(esc(t.get("page.intro"))).append("</p>\n");
        h.append("<form id=\"proposal\" data-lang=\"").append(lang.code()).append("\">\n");
        h.append(field(t, "page.model", "<input id=\"model\" name=\"model\" list=\"models\" value=\"llama-3-8b\" required>"));
        h.append("<datalist id=\"models\">");
        TreeSet<String> ids = new TreeSet<>();
        for (ModelSpec m : catalog.models()) ids.add(m.id);
        ids.forEach(id -> h.append("<option value=\"").append(esc(id)).append("\">"));
        h.append("</datalist>\n");
        StringBuilder methods = new StringBuilder("<select id=\"method\" name=\"method\">");
        for (String m : new TreeSet<>(ProposalResolver.METHODS)) {
            methods.append("<option").append(m.equals("lora") ? " selected" : "").append('>').append(esc(m)).append("</option>");
        }
        h.append(field(t, "page.method", methods.append("</select>").toString()));
        h.append(field(t, "page.tokens", "<input id=\"tokens\" name=\"tokens\" value=\"20M\">"));
        h.append(field(t, "page.seqLen", "<input id=\"sequenceLength\" name=\"sequenceLength\" type=\"number\" value=\"2048\" min=\"16\">"));
        h.append(field(t, "page.epochs", "<input id=\"epochs\" name=\"epochs\" type=\"number\" value=\"3\" step=\"any\" min=\"0\">"));
        h.append(field(t, "page.budget", "<input id=\"budgetUsd\" name=\"budgetUsd\" type=\"number\" value=\"500\" step=\"any\" min=\"0\">"));
        h.append(field(t, "page.deadline", "<input id=\"deadlineHours\" name=\"deadlineHours\" type=\"number\" value=\"48\" step=\"any\" min=\"0\">"));
        StringBuilder regions = new StringBuilder("<select id=\"region\" name=\"region\"><option value=\"\">")
                .append(esc(t.get("page.any"))).append("</option>");
        for (String r : new TreeSet<>(ProposalResolver.REGIONS)) regions.append("<option>").append(esc(r)).append("</option>");
        h.append(field(t, "page.region", regions.append("</select>").toString()));
        // spot: unset (shown as the cheaper alternative, not recommended), allowed (may be recommended), or none
        h.append(field(t, "page.spot", "<select id=\"spotAllowed\" name=\"spotAllowed\"><option value=\"\" selected>"
                + esc(t.get("page.spot.unset")) + "</option><option value=\"true\">" + esc(t.get("page.spot.true"))
                + "</option><option value=\"false\">" + esc(t.get("page.spot.false")) + "</option></select>"));
        h.append(field(t, "page.objective", "<select id=\"objective\" name=\"objective\"><option value=\"cost\" selected>"
                + esc(t.get("page.objective.cost")) + "</option><option value=\"time\">" + esc(t.get("page.objective.time"))
                + "</option></select>"));
        h.append("<div class=\"actions\"><button id=\"submit\" type=\"submit\">").append(esc(t.get("page.submit")))
                .append("</button> <span id=\"status\" data-working=\"").append(esc(t.get("page.working")))
                .append("\" data-error=\"").append(esc(t.get("page.error"))).append("\"></span></div>\n</form>\n");
        h.append("<div id=\"error\" role=\"alert\"></div>\n<div id=\"report\"></div>\n");
        h.append("<script>\n").append(WebAssets.UPLOT_JS).append("\n</script>\n<script>\n").append(WebAssets.PLOT_JS)
                .append("\n</script>\n<script>\n").append(WebAssets.read("/web/page.js")).append("\n</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String field(Texts t, String key, String control) {
        return "<label>" + esc(t.get(key)) + " " + control + "</label>\n";
    }
}

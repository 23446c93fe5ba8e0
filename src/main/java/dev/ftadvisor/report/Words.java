package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Texts;

import java.util.Locale;

/** Small wording helpers shared by the Markdown and HTML renderers. */
final class Words {
    private Words() {
    }

    static String verdict(Texts t, String verdict) {
        String key = "verdict." + (verdict == null ? "none" : verdict);
        return t.has(key) ? t.get(key) : verdict.toUpperCase(Locale.ROOT);
    }

    static String fits(Texts t, Report.Plan p) {
        if (p.withinBudget() && p.withinDeadline()) return t.get("fits.ok");
        StringBuilder sb = new StringBuilder();
        if (!p.withinBudget()) sb.append(t.get("fits.overBudget"));
        if (!p.withinDeadline()) sb.append(sb.length() > 0 ? ", " : "").append(t.get("fits.overDeadline"));
        return sb.toString();
    }

    static String gpus(Texts t, Report.Plan p) {
        return p.gpuCount() + "x " + p.gpu() + (p.nodes() > 1 ? " x " + t.get("report.nodes", p.nodes()) : "");
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String ruleRef(Texts t, String id, String file, int line, java.util.List<String> sources) {
        return t.get("report.rule") + " " + id + " @ " + file + ":" + line + "; " + t.get("report.guide") + " "
                + String.join(", ", sources);
    }
}

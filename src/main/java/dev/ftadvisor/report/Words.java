package dev.ftadvisor.report;

import dev.ftadvisor.ranking.PlanFindings;

import dev.ftadvisor.i18n.Texts;

import java.util.Locale;

/** Small wording helpers shared by the report builder and the renderers. */
final class Words {
    private Words() {
    }

    /** "aws g5.2xlarge (us-east-1)". */
    static String planName(dev.ftadvisor.model.Candidate c) {
        return c.getProvider() + " " + c.getInstanceType() + " (" + c.getRegion() + ")";
    }

    /** "1x A100-80GB" or "8x H100-80GB x 2 nodes". */
    static String hardware(Texts t, dev.ftadvisor.model.Candidate c) {
        return c.getGpuCount() + "x " + c.getGpu() + (c.getNodes() > 1 ? " x " + t.get("report.nodes", c.getNodes()) : "");
    }

    /** The parallel layout in words. */
    static String layout(Texts t, String sharding) {
        String key = "layout." + sharding;
        return t.has(key) ? t.get(key) : sharding;
    }

    /** The pricing in words: on-demand, reserved, or spot with its market, notice and rework. */
    static String pricing(Texts t, dev.ftadvisor.model.Candidate c) {
        if (c.isSpot()) {
            return t.get(c.isPriceEstimated() ? "pricing.spotEstimated" : "pricing.spot", c.getSpotMarketName(),
                    c.getEvictionNoticeSeconds(), f1(c.getReworkHours()));
        }
        String key = "pricing." + c.getPricing();
        return t.has(key) ? t.get(key) : c.getPricing();
    }

    /** What keeps a plan from working as proposed, in words ("over budget, outside the region"). */
    static String misses(Texts t, dev.ftadvisor.model.Candidate c, PlanFindings by) {
        java.util.List<String> out = new java.util.ArrayList<>(4);
        if (by.isOverBudget(c)) out.add(t.get("fits.overBudget"));
        if (by.isOverDeadline(c)) out.add(t.get("fits.overDeadline"));
        if (by.isOutOfRegion(c)) out.add(t.get("fits.outOfRegion"));
        if (by.isNotRecommended(c) || by.isSuspect(c)) {
            // each not-recommending rule in its own short words (suspect price, spot not asked for, ...)
            for (dev.ftadvisor.model.Finding f : by.of(c)) {
                if (!dev.ftadvisor.model.Finding.EFFECT_NOT_RECOMMENDED.equals(f.getEffect())
                        && !dev.ftadvisor.model.Finding.EFFECT_SUSPECT.equals(f.getEffect())) continue;
                String key = "miss." + f.getId();
                String words = t.has(key) ? t.get(key) : t.get("fits.notRecommended");
                if (!out.contains(words)) out.add(words);
            }
        }
        return String.join(", ", out);
    }

    /** Why a tie-break put {@code rec} above the slightly better {@code best}: the guide preference that differs. */
    static String preference(Texts t, dev.ftadvisor.model.Candidate rec, dev.ftadvisor.model.Candidate best, PlanFindings by) {
        String up = null;
        for (dev.ftadvisor.model.Finding f : by.of(rec)) {
            if (f.getRankWeight() > 0) { up = f.getId(); break; }
        }
        String down = null;
        for (dev.ftadvisor.model.Finding f : by.of(best)) {
            if (f.getRankWeight() < 0) { down = f.getId(); break; }
        }
        if (up != null && down != null) return t.get("rec.pref.both", up, down);
        if (up != null) return t.get("rec.pref.up", up);
        if (down != null) return t.get("rec.pref.down", down);
        return t.get("rec.pref.score");
    }

    /** What an alternative trades against the recommendation: money, hours, pricing risk, standing. */
    static String trade(Texts t, dev.ftadvisor.model.Candidate alt, dev.ftadvisor.model.Candidate rec, PlanFindings by) {
        java.util.List<String> parts = new java.util.ArrayList<>(5);
        double dc = alt.getCostUsd() - rec.getCostUsd();
        double dh = alt.getHours() - rec.getHours();
        if (dc < -0.005) {
            parts.add(t.get("trade.saves", usd(-dc), String.format(Locale.ROOT, "%.0f%%", rec.getCostUsd() > 0 ? -dc / rec.getCostUsd() * 100 : 0)));
        } else if (dc > 0.005) {
            parts.add(t.get("trade.costsMore", usd(dc)));
        }
        if (dh < -0.05) parts.add(t.get("trade.sooner", f1(-dh)));
        else if (dh > 0.05) parts.add(t.get("trade.longer", f1(dh)));
        if (alt.isSpot() && !rec.isSpot()) parts.add(pricing(t, alt));
        if (!alt.isSpot() && rec.isSpot()) parts.add(t.get("trade.noInterruptions", alt.getPricing()));
        String misses = misses(t, alt, by);
        if (!misses.isEmpty()) parts.add(misses);
        return parts.isEmpty() ? t.get("trade.same") : String.join("; ", parts);
    }

    /**
     * The recommendation's headline: "Rent plan #1: aws g6e.xlarge (us-east-1), 1x L40S, on-demand, 6.8 h,
     * $12.70", or "Closest plan #1 (...)" when nothing works as proposed.
     */
    static String recommendation(Texts t, Report.Recommendation rec, Report.Plan p) {
        boolean works = p.withinBudget() && p.withinDeadline() && p.inRegion() && p.recommendable();
        return t.get(works ? "rec.rent" : "rec.closest", rec.rank()) + ": " + p.provider() + " " + p.instanceType()
                + " (" + p.region() + "), " + gpus(t, p) + ", " + p.pricing() + ", " + f1(p.hours()) + " h, " + usd(p.costUsd());
    }

    /** The recommendation's alternatives that exist, each with its label key, in the order a report names them. */
    static java.util.List<java.util.Map.Entry<String, Report.Alternative>> alternatives(Report.Recommendation rec) {
        java.util.List<java.util.Map.Entry<String, Report.Alternative>> out = new java.util.ArrayList<>(3);
        if (rec.cheapest() != null) out.add(java.util.Map.entry("rec.cheapest", rec.cheapest()));
        if (rec.fastest() != null) out.add(java.util.Map.entry("rec.fastest", rec.fastest()));
        if (rec.onDemand() != null) out.add(java.util.Map.entry("rec.onDemand", rec.onDemand()));
        return out;
    }

    /** An alternative's line after its label: "plan #13 azure X, 1x A100-80GB, spot, 7.0 h, $3.16: saves ...". */
    static String alternative(Texts t, Report.Alternative a, Report.Plan p) {
        return t.get("rec.plan", a.rank()) + " " + p.provider() + " " + p.instanceType() + ", " + gpus(t, p) + ", "
                + p.pricing() + ", " + f1(p.hours()) + " h, " + usd(p.costUsd()) + ": " + a.trade();
    }

    /** The estimate's settings in words ("mixed precision (bf16 autocast), AdamW, micro-batch 1, ..."). */
    static String settings(Texts t, java.util.Map<String, Object> s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Object> e : s.entrySet()) {
            Object v = e.getValue();
            if (v == null) continue;
            String value = v instanceof java.util.List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : v instanceof Boolean b ? t.get(b ? "settings.on" : "settings.off") : String.valueOf(v);
            String key = "settings." + e.getKey();
            out.add(t.has(key) ? t.get(key, value) : e.getKey() + " " + value);
        }
        return String.join("; ", out);
    }

    static String verdict(Texts t, String verdict) {
        String key = "verdict." + (verdict == null ? "none" : verdict);
        return t.has(key) ? t.get(key) : verdict.toUpperCase(Locale.ROOT);
    }

    static String fits(Texts t, Report.Plan p) {
        if (p.withinBudget() && p.withinDeadline() && p.inRegion() && p.recommendable()) return t.get("fits.ok");
        java.util.List<String> out = new java.util.ArrayList<>(4);
        if (!p.withinBudget()) out.add(t.get("fits.overBudget"));
        if (!p.withinDeadline()) out.add(t.get("fits.overDeadline"));
        if (!p.inRegion()) out.add(t.get("fits.outOfRegion"));
        if (!p.recommendable()) out.add(t.get("fits.notRecommended"));
        return String.join(", ", out);
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

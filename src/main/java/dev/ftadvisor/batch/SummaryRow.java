package dev.ftadvisor.batch;

import dev.ftadvisor.model.Finding;
import dev.ftadvisor.report.Report;

/**
 * The one-line summary of a result shared by the CSV and HTML outputs: verdict, top plan with its cost
 * and hours, and the first blocker the rules found (for a proposal that is not simply feasible).
 */
public record SummaryRow(String source, int line, String id, String status, String verdict, String topPlan,
                         Double costUsd, Double hours, String firstBlocker, String error) {

    public static SummaryRow of(BatchResult r) {
        if (r.isError()) {
            return new SummaryRow(r.source(), r.line(), r.proposalId(), "error", "", "", null, null, "", r.errorLine());
        }
        Report rep = r.report();
        Report.Plan top = rep.plans().isEmpty() ? null : rep.plans().get(0);
        return new SummaryRow(r.source(), r.line(), rep.proposalId(), "ok", rep.verdict() == null ? "" : rep.verdict(),
                top == null ? "" : planName(top), top == null ? null : top.costUsd(), top == null ? null : top.hours(),
                firstBlocker(rep), "");
    }

    static String planName(Report.Plan p) {
        return p.provider() + " " + p.instanceType() + " (" + p.gpuCount() + "x " + p.gpu()
                + (p.nodes() > 1 ? ", " + p.nodes() + " nodes" : "") + ") " + p.pricing() + " " + p.region();
    }

    /** The first blocker among the report's findings, else (not feasible) the first reason a candidate was rejected. */
    static String firstBlocker(Report rep) {
        for (Finding f : rep.findings()) {
            if ("blocker".equals(f.getSeverity())) return f.getId() + ": " + f.getMessage();
        }
        if (!"feasible".equals(rep.verdict())) {
            for (Report.Rejected rej : rep.rejected()) {
                for (Report.Reason reason : rej.reasons()) {
                    if ("blocker".equals(reason.severity())) {
                        return reason.id() + ": " + rej.provider() + " " + rej.instanceType() + ": " + reason.message();
                    }
                }
            }
        }
        return "";
    }
}

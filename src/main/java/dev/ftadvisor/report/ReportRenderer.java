package dev.ftadvisor.report;

/** Renders a report in one output format. */
public interface ReportRenderer {
    String render(Report report);
}

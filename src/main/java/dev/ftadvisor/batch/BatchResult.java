package dev.ftadvisor.batch;

import dev.ftadvisor.report.Report;

/**
 * What became of one input record: its report, or the reason it is invalid (the field and the
 * problem). Exactly one result per record, in input order.
 */
public record BatchResult(long seq, String source, int line, String proposalId, Report report, String errorField,
                          String errorProblem) {

    public static BatchResult ok(BatchRecord r, Report report) {
        return new BatchResult(r.seq(), r.source(), r.line(), report.proposalId(), report, null, null);
    }

    public static BatchResult error(BatchRecord r, String proposalId, String field, String problem) {
        return new BatchResult(r.seq(), r.source(), r.line(), proposalId, null, field == null ? "" : field, problem);
    }

    public boolean isError() { return report == null; }

    /** {@code file:line: field: problem}, the one line a user reads. */
    public String errorLine() {
        return source + ":" + line + ": " + (errorField == null || errorField.isEmpty() ? "" : errorField + ": ") + errorProblem;
    }
}

package dev.ftadvisor.batch;

import dev.ftadvisor.report.Report;

/**
 * What became of one input record: its report, or the reason it is invalid (the field and the
 * problem). Exactly one result per record, in input order.
 */
public record BatchResult(long seq, String source, int line, String proposalId, Report report, String errorField,
                          String errorProblem, ErrorKind errorKind) {

    /**
     * Whose the failure is: the record's ({@code input}: fix the record), the rules folder's
     * ({@code rules}: a rule failed or ran past its limit on this record), or ours ({@code internal}:
     * a bug, to report). Each decides the batch's exit code.
     */
    public enum ErrorKind { INPUT, RULES, INTERNAL;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static BatchResult ok(BatchRecord r, Report report) {
        return new BatchResult(r.seq(), r.source(), r.line(), report.proposalId(), report, null, null, null);
    }

    public static BatchResult error(BatchRecord r, String proposalId, String field, String problem) {
        return error(r, proposalId, field, problem, ErrorKind.INPUT);
    }

    public static BatchResult error(BatchRecord r, String proposalId, String field, String problem, ErrorKind kind) {
        return new BatchResult(r.seq(), r.source(), r.line(), proposalId, null, field == null ? "" : field, problem, kind);
    }

    public boolean isError() { return report == null; }

    /** {@code file:line: field: problem}, the one line a user reads. */
    public String errorLine() {
        return source + ":" + line + ": " + (errorField == null || errorField.isEmpty() ? "" : errorField + ": ") + errorProblem;
    }
}

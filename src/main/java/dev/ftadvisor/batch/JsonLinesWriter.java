package dev.ftadvisor.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ftadvisor.report.JsonRenderer;
import dev.ftadvisor.report.Report;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per line and per input record, in input order: where the record came from
 * ({@code source}, {@code line}), {@code status} ({@code ok} or {@code error}), and the full contract
 * report, or the error naming the field and the problem.
 */
public final class JsonLinesWriter implements ResultWriter {
    private static final ObjectWriter WRITER = JsonRenderer.MAPPER.writerFor(Line.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "line", "proposalId", "status", "error", "report"})
    record Line(String source, int line, String proposalId, String status, Error error, Report report) {
    }

    /**
     * A record without a report: whose failure it is ({@code input}, {@code rules} or {@code internal}), the
     * field (empty when the whole record is unreadable), the problem, the full line.
     */
    @JsonPropertyOrder({"kind", "field", "problem", "message"})
    record Error(String kind, String field, String problem, String message) {
    }

    private final Writer out;

    public JsonLinesWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(BatchResult r) throws IOException {
        Line line = r.isError()
                ? new Line(r.source(), r.line(), r.proposalId(), "error", new Error(r.errorKind().label(), r.errorField(), r.errorProblem(), r.errorLine()), null)
                : new Line(r.source(), r.line(), r.proposalId(), "ok", null, r.report());
        out.write(WRITER.writeValueAsString(line));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}

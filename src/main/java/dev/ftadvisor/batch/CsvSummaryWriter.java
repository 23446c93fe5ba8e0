package dev.ftadvisor.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/** The CSV summary: one row per input record, in input order (see {@link SummaryRow}). */
public final class CsvSummaryWriter implements ResultWriter {
    static final String[] HEADER = {"source", "line", "id", "status", "verdict", "topPlan", "costUsd", "hours",
            "firstBlocker", "error"};
    private final CSVPrinter printer;

    public CsvSummaryWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(BatchResult r) throws IOException {
        SummaryRow s = SummaryRow.of(r);
        printer.printRecord(s.source(), s.line(), s.id(), s.status(), s.verdict(), s.topPlan(),
                s.costUsd() == null ? "" : s.costUsd(), s.hours() == null ? "" : s.hours(), s.firstBlocker(), s.error());
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}

package dev.ftadvisor.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A self-contained HTML summary: counts, charts of the verdicts and of the top plans' cost and hours
 * (inline SVG), and a table with one row per input record. Rows are streamed to a scratch file while
 * the batch runs (the charts, which need every record, go first in the page); only the fixed-size
 * counts and histograms are kept in memory.
 */
public final class HtmlSummaryWriter implements ResultWriter {
    private final Writer out;
    private final Path rowsFile;
    private final BufferedWriter rows;
    private final Map<String, Long> verdicts = new LinkedHashMap<>();
    private final LogHistogram cost = new LogHistogram();
    private final LogHistogram hours = new LogHistogram();
    private long records;

    public HtmlSummaryWriter(Writer out) {
        this.out = out;
        for (String v : new String[]{"feasible", "feasible-with-changes", "infeasible", "error"}) verdicts.put(v, 0L);
        try {
            rowsFile = Files.createTempFile("ftadvisor-batch-rows", ".html");
            rowsFile.toFile().deleteOnExit();
            rows = Files.newBufferedWriter(rowsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(BatchResult r) throws IOException {
        SummaryRow s = SummaryRow.of(r);
        records++;
        String v = r.isError() ? "error" : s.verdict().isEmpty() ? "no verdict" : s.verdict();
        verdicts.merge(v, 1L, Long::sum);
        if (s.costUsd() != null) cost.add(s.costUsd());
        if (s.hours() != null) hours.add(s.hours());
        rows.write("<tr class=\"" + esc(v) + "\"><td>" + esc(s.source()) + ":" + s.line() + "</td><td>" + esc(s.id())
                + "</td><td>" + esc(v) + "</td><td>" + esc(s.topPlan()) + "</td><td class=\"n\">"
                + (s.costUsd() == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", s.costUsd()))
                + "</td><td class=\"n\">" + (s.hours() == null ? "" : String.format(java.util.Locale.ROOT, "%,.1f", s.hours()))
                + "</td><td>" + esc(r.isError() ? s.error() : s.firstBlocker()) + "</td></tr>\n");
    }

    @Override
    public void finish() throws IOException {
        rows.close();
        try {
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ftadvisor batch summary</title>\n<style>"
                    + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}"
                    + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}td.n{text-align:right}"
                    + "tr.error td{background:#fdd}tr.infeasible td{background:#fee8d6}.charts svg{margin:0 1em 1em 0}"
                    + "</style></head><body>\n<h1>ftadvisor batch summary</h1>\n<p>");
            out.write(records + " records: ");
            StringBuilder counts = new StringBuilder();
            for (Map.Entry<String, Long> e : verdicts.entrySet()) {
                if (counts.length() > 0) counts.append(", ");
                counts.append(e.getValue()).append(' ').append(esc(e.getKey()));
            }
            out.write(counts + ".</p>\n<div class=\"charts\">\n");
            out.write(Charts.bars("Verdicts", "verdict", "proposals", verdicts));
            out.write('\n');
            if (cost.total() > 0) {
                out.write(Charts.bars("Cost of the top plan (USD)", "USD", "proposals", cost.bins()));
                out.write('\n');
            }
            if (hours.total() > 0) {
                out.write(Charts.bars("Hours of the top plan", "hours", "proposals", hours.bins()));
                out.write('\n');
            }
            out.write("</div>\n<table>\n<thead><tr><th>source:line</th><th>id</th><th>verdict</th><th>top plan</th>"
                    + "<th>cost USD</th><th>hours</th><th>first blocker / error</th></tr></thead>\n<tbody>\n");
            try (BufferedReader in = Files.newBufferedReader(rowsFile, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            out.write("</tbody></table>\n</body></html>\n");
            out.flush();
        } finally {
            Files.deleteIfExists(rowsFile);
        }
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;

import java.io.Writer;
import java.util.Locale;

/** The batch output formats: chosen by {@code --format}, else by the extension of {@code --out}. */
public enum OutputFormat {
    JSONL, CSV, HTML;

    public static OutputFormat of(String format, String out) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "jsonl", "json", "ndjson" -> JSONL;
                case "csv" -> CSV;
                case "html" -> HTML;
                default -> throw new InputException("--format", "expected jsonl, csv or html, got '" + format + "'");
            };
        }
        if (out == null || "-".equals(out)) return JSONL;
        String n = out.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".html") || n.endsWith(".htm")) return HTML;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return JSONL;
        throw new InputException("--out", "cannot tell the format from '" + out
                + "': end it with .jsonl, .csv or .html, or give --format");
    }

    public ResultWriter writer(Writer out) {
        return switch (this) {
            case JSONL -> new JsonLinesWriter(out);
            case CSV -> new CsvSummaryWriter(out);
            case HTML -> new HtmlSummaryWriter(out);
        };
    }
}

package dev.ftadvisor.report;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** What a report is written as ({@code consult --format}, the server's {@code ?format=}); declared once. */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN, HTML;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a value as users type it, in any case; anything else is one line naming what is expected. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat f : values()) if (f.toString().equalsIgnoreCase(value.strip())) return f;
            throw new picocli.CommandLine.TypeConversionException("expected text, json, markdown or html, got '" + value + "'");
        }
    }

    /** The format named (any case), or null when there is none by that name. */
    public static ReportFormat named(String value) {
        for (ReportFormat f : values()) if (f.toString().equalsIgnoreCase(value.strip())) return f;
        return null;
    }

    /** The candidates as users type them (lower case), for help and shell completion. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ReportFormat::toString).iterator();
        }
    }
}

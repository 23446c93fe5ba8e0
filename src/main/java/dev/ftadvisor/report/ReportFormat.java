package dev.ftadvisor.report;

import java.util.Locale;

/** What a report is written as ({@code consult --format}, the server's {@code ?format=}); declared once. */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN, HTML;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named (any case), or null when there is none by that name. */
    public static ReportFormat named(String value) {
        for (ReportFormat f : values()) if (f.toString().equalsIgnoreCase(value.strip())) return f;
        return null;
    }
}

package dev.ftadvisor.cli;

import java.util.Locale;

/** What the listing verbs ({@code rules ...}, {@code catalog list}) write with {@code --format} (see {@link FormatChoices}). */
public enum ListingFormat {
    TEXT, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

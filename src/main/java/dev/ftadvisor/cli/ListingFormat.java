package dev.ftadvisor.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** What the listing verbs ({@code rules ...}, {@code catalog list}) write with {@code --format}. */
public enum ListingFormat {
    TEXT, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a value as users type it, in any case; anything else is one line naming what is expected. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<ListingFormat> {
        @Override
        public ListingFormat convert(String value) {
            for (ListingFormat f : values()) if (f.toString().equalsIgnoreCase(value.strip())) return f;
            throw new picocli.CommandLine.TypeConversionException("expected text or json, got '" + value + "'");
        }
    }

    /** The candidates as users type them (lower case), for help and shell completion. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ListingFormat::toString).iterator();
        }
    }
}

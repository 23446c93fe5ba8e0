package dev.ftadvisor.cli;

import dev.ftadvisor.report.ReportFormat;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * picocli's view of a {@code --format} enum: its values as users type them (lower case, any case
 * accepted), offered as completion candidates, and anything else refused in one line naming them.
 */
public abstract class FormatChoices<E extends Enum<E>> implements Iterable<String>, CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    protected FormatChoices(Class<E> type) {
        this.type = type;
    }

    private static String text(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(FormatChoices::text).iterator();
    }

    @Override
    public E convert(String value) {
        for (E e : type.getEnumConstants()) if (text(e).equalsIgnoreCase(value.strip())) return e;
        List<String> names = Arrays.stream(type.getEnumConstants()).map(FormatChoices::text).toList();
        String expected = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new CommandLine.TypeConversionException("expected " + expected + ", got '" + value + "'");
    }

    /** {@code consult --format}. */
    public static final class Report extends FormatChoices<ReportFormat> {
        public Report() {
            super(ReportFormat.class);
        }
    }

    /** {@code --format} of the listing verbs. */
    public static final class Listing extends FormatChoices<ListingFormat> {
        public Listing() {
            super(ListingFormat.class);
        }
    }
}

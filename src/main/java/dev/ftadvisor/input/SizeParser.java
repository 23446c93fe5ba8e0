package dev.ftadvisor.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counts written the way people write them: 20000000, 20M, 1.5B, 500k, 2e7. */
public final class SizeParser {
    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?(?:e[0-9]+)?)\\s*([kmbt]?)\\s*$");

    private SizeParser() {
    }

    /** @throws InputException naming the field when the text is not a size */
    public static double parse(String field, String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.replace("_", "").replace(",", ""));
        if (!m.matches()) {
            throw InputException.of(field, "count", "'" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        switch (m.group(2).toLowerCase()) {
            case "k": return value * 1e3;
            case "m": return value * 1e6;
            case "b": return value * 1e9;
            case "t": return value * 1e12;
            default: return value;
        }
    }
}

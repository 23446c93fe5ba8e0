package dev.ftadvisor.audit;

import dev.ftadvisor.io.ResourceFolder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guidance ids deliberately not encoded as rules, with why, read from {@code rules/README.md}.
 * Format (parsed tolerantly): a markdown table either under a heading that contains "Not encoded"
 * (any level, any case) or whose header row's first cell contains "Not encoded"; each row is
 * {@code | `guide.id` | why it is not a rule |}. Backticks are optional; a row with an empty reason
 * does not count as a justified exclusion. The table ends at the next heading.
 */
public final class Exclusions {
    public static final String FILE = "README.md";
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");

    private Exclusions() {
    }

    /** id -> reason (possibly blank: listed but not justified). Empty when there is no README. */
    public static Map<String, String> load(ResourceFolder rules) {
        return rules.exists(FILE) ? parse(rules.read(FILE)) : Map.of();
    }

    public static Map<String, String> parse(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean inSection = false;
        boolean inTable = false;
        for (String line : markdown.split("\r?\n")) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                inSection = h.group(1).toLowerCase(Locale.ROOT).contains("not encoded");
                inTable = false;
                continue;
            }
            String t = line.strip();
            if (!t.startsWith("|")) {
                if (!t.isEmpty()) inTable = inTable && inSection;
                if (t.isEmpty() && !inSection) inTable = false;
                continue;
            }
            String[] cells = cells(t);
            if (cells.length == 0) continue;
            if (cells[0].toLowerCase(Locale.ROOT).contains("not encoded")) {
                inTable = true;
                continue;
            }
            if (SEPARATOR.matcher(t).matches()) continue;
            if (!(inSection || inTable)) continue;
            String id = cells[0].replace("`", "").strip();
            if (id.isEmpty() || id.contains(" ") || id.equalsIgnoreCase("id") || id.equalsIgnoreCase("guidance id")) continue;
            String why = cells.length > 1 ? String.join(" | ", java.util.Arrays.copyOfRange(cells, 1, cells.length)).strip() : "";
            out.put(id, why);
        }
        return out;
    }

    private static String[] cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) r = r.substring(1);
        if (r.endsWith("|")) r = r.substring(0, r.length() - 1);
        String[] parts = r.split("\\|", -1);
        for (int i = 0; i < parts.length; i++) parts[i] = parts[i].strip();
        return parts;
    }
}

package dev.ftadvisor.audit;

import dev.ftadvisor.engine.ThresholdsFile;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.model.Thresholds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the mutants of a rules folder:
 * <ul>
 * <li>each named threshold of thresholds.yaml moved down and up: halved and doubled, or, for a
 * fraction, halved and moved halfway to 1 (a share cannot pass 100%);</li>
 * <li>each number literal in a rule's conditions ({@code when} to {@code then}, strings and comments
 * aside) moved the same way (0 -> 1; 1 -> 0 and 2; integers stay integers);</li>
 * <li>each comparison operator there negated ({@code >} -> {@code <=}, {@code ==} -> {@code !=}, ...).</li>
 * </ul>
 * Consequences are not mutated: what a rule says is checked by the scenarios' message assertions, what
 * it decides lives in its conditions.
 */
public final class MutantFinder {
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern READS = Pattern.compile("\\.value\\(\\s*\"([a-z0-9.-]+)\"\\s*\\)");
    private static final Map<String, String> NEGATION = Map.of(">=", "<", "<=", ">", "==", "!=", "!=", "==", ">", "<=", "<", ">=");

    private MutantFinder() {
    }

    public static List<Mutant> find(ResourceFolder folder) {
        List<Mutant> out = new ArrayList<>();
        Thresholds thresholds = ThresholdsFile.load(folder);
        Map<String, List<String>> readers = new java.util.TreeMap<>();
        for (String file : folder.list(".drl")) {
            out.addAll(inConditions(file, folder.read(file), readers));
        }
        Map<String, Integer> lines = ThresholdsFile.lines(folder);
        for (Thresholds.Threshold t : thresholds.all()) {
            int line = lines.getOrDefault(t.name(), 1);
            String rules = String.join(", ", readers.getOrDefault(t.name(), List.of()));
            for (double v : moves(t)) {
                Thresholds moved = thresholds.with(t.name(), v);
                out.add(new Mutant(Mutant.Kind.THRESHOLD, ThresholdsFile.FILE, line, 0, rules.isEmpty() ? "(read by no rule)" : rules,
                        t.text(), moved.text(t.name()), 0, 0, t.name(), v));
            }
        }
        out.sort(java.util.Comparator.comparing(Mutant::file).thenComparingInt(Mutant::line).thenComparingInt(Mutant::column));
        return out;
    }

    static double[] moves(Thresholds.Threshold t) {
        double v = t.value();
        if (v == 0) return new double[]{1};
        double up = t.unit() == Thresholds.Unit.FRACTION && v < 1 ? (1 + v) / 2 : v * 2;
        return new double[]{v / 2, up};
    }

    /** The literal and operator mutants of one DRL file; records which rules read which named thresholds. */
    static List<Mutant> inConditions(String file, String text, Map<String, List<String>> readers) {
        List<Mutant> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int[] lineStart = new int[lines.length + 1];
        for (int i = 0, pos = 0; i < lines.length; i++) {
            lineStart[i] = pos;
            pos += lines[i].length() + 1;
        }
        String rule = null;
        boolean inWhen = false;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            Matcher id = RULE_ID.matcher(lines[i]);
            if (id.find()) rule = id.group(1);
            if (stripped.equals("when")) {
                inWhen = true;
                continue;
            }
            if (stripped.equals("then")) {
                inWhen = false;
                continue;
            }
            if (!inWhen) continue;
            Matcher reads = READS.matcher(lines[i]);
            while (reads.find()) {
                List<String> rs = readers.computeIfAbsent(reads.group(1), k -> new ArrayList<>());
                if (rule != null && !rs.contains(rule)) rs.add(rule);
            }
            scanLine(file, i + 1, lines[i], lineStart[i], rule, out);
        }
        return out;
    }

    /** Operators and numbers of one condition line, outside strings and comments. */
    private static void scanLine(String file, int lineNo, String line, int base, String rule, List<Mutant> out) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') { // a string: skip to its closing quote
                i++;
                while (i < n && line.charAt(i) != '"') i += line.charAt(i) == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') return;
            String two = i + 1 < n ? line.substring(i, i + 2) : "";
            if (NEGATION.containsKey(two)) {
                out.add(op(file, lineNo, i, base, rule, two));
                i += 2;
                continue;
            }
            if ((c == '>' || c == '<') && !(i > 0 && (line.charAt(i - 1) == '-' || line.charAt(i - 1) == '='))) {
                out.add(op(file, lineNo, i, base, rule, String.valueOf(c)));
                i++;
                continue;
            }
            if (Character.isDigit(c) && (i == 0 || !(Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_'
                    || line.charAt(i - 1) == '.' || line.charAt(i - 1) == '$'))) {
                int j = i;
                while (j < n && (Character.isDigit(line.charAt(j)) || line.charAt(j) == '.')) j++;
                if (j < n && (Character.isLetter(line.charAt(j)) || line.charAt(j) == '_')) { // part of a name (e.g. 8b)
                    i = j;
                    continue;
                }
                String literal = line.substring(i, j);
                for (String moved : moves(literal)) {
                    out.add(new Mutant(Mutant.Kind.LITERAL, file, lineNo, i + 1, rule, literal, moved, base + i, literal.length(), null, 0));
                }
                i = j;
                continue;
            }
            i++;
        }
    }

    private static Mutant op(String file, int lineNo, int col, int base, String rule, String operator) {
        return new Mutant(Mutant.Kind.OPERATOR, file, lineNo, col + 1, rule, operator, NEGATION.get(operator), base + col,
                operator.length(), null, 0);
    }

    static List<String> moves(String literal) {
        if (!literal.contains(".")) {
            long v = Long.parseLong(literal);
            if (v == 0) return List.of("1");
            if (v == 1) return List.of("0", "2");
            return List.of(String.valueOf(v / 2), String.valueOf(v * 2));
        }
        BigDecimal v = new BigDecimal(literal);
        if (v.signum() == 0) return List.of("1.0");
        BigDecimal down = v.divide(BigDecimal.valueOf(2));
        BigDecimal up = v.compareTo(BigDecimal.ONE) < 0 ? v.add(BigDecimal.ONE).divide(BigDecimal.valueOf(2)) : v.multiply(BigDecimal.valueOf(2));
        return List.of(plain(down), plain(up));
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}

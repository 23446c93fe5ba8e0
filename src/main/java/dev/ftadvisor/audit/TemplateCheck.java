package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleProblem;
import org.drools.drl.ast.descr.RuleDescr;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the message templates of {@code out.*} calls where they are written as one string literal:
 * the template must be valid {@link MessageFormat}, its placeholders must match the arguments passed,
 * and an apostrophe must be doubled ({@code ''}: a single one quotes the rest of the message).
 */
final class TemplateCheck {
    /** Position of the template among each RuleOutput method's arguments (after drools, candidate...). */
    private static final Map<String, Integer> TEMPLATE_ARG = Map.ofEntries(Map.entry("note", 1), Map.entry("advise", 2),
            Map.entry("reject", 2), Map.entry("overBudget", 2), Map.entry("overDeadline", 2), Map.entry("outOfRegion", 2),
            Map.entry("notRecommended", 2), Map.entry("notRecommendedPricing", 2), Map.entry("suspect", 2), Map.entry("rank", 3), Map.entry("verdict", 2),
            Map.entry("tieTolerance", 2));
    private static final Pattern CALL = Pattern.compile("\\bout\\s*\\.\\s*(note|advise|reject|overBudget|overDeadline|outOfRegion|notRecommended|notRecommendedPricing|suspect|rank|verdict|tieTolerance)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$", Pattern.DOTALL);

    private TemplateCheck() {
    }

    static List<RuleProblem> check(DrlSource src, RuleDescr rule) {
        List<RuleProblem> problems = new ArrayList<>();
        int from = src.offsetOfLine(Math.max(rule.getConsequenceLine(), rule.getLine()));
        int to = rule.getEndLine() > 0 ? src.offsetOfLine(rule.getEndLine() + 1) : src.text().length();
        String commentsBlanked = DrlSource.blank(src.text(), false);
        Matcher m = CALL.matcher(src.code());
        m.region(from, Math.min(to, src.code().length()));
        while (m.find()) {
            List<String> args = arguments(commentsBlanked, m.end());
            int at = TEMPLATE_ARG.get(m.group(1));
            if (args == null || args.size() <= at) continue;
            Matcher s = STRING.matcher(args.get(at).strip());
            if (!s.matches()) continue;
            String template = unescape(s.group(1));
            int given = args.size() - at - 1;
            String where = "rule '" + rule.getName() + "': out." + m.group(1) + " template ";
            int line = src.lineOf(m.start());
            int col = src.columnOf(m.start());
            try {
                int used = new MessageFormat(template).getFormatsByArgumentIndex().length;
                if (used != given) {
                    problems.add(new RuleProblem(src.file(), line, col, where + "uses " + used
                            + " placeholder(s) ({0}..) but " + given + " argument(s) are passed"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(src.file(), line, col, where + "is not a valid message format: " + e.getMessage()));
            }
            if (template.replace("''", "").contains("'")) {
                problems.add(new RuleProblem(src.file(), line, col, where
                        + "has a single apostrophe, which quotes the rest of the message: write '' for an apostrophe"));
            }
        }
        return problems;
    }

    /** The top-level comma-separated arguments of a call whose "(" ends at start; null if unbalanced. */
    static List<String> arguments(String text, int start) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean str = false;
        int begin = start;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (str) {
                if (c == '\\') i++;
                else if (c == '"') str = false;
                continue;
            }
            if (c == '"') str = true;
            else if (c == '(' || c == '{' || c == '[') depth++;
            else if ((c == ')' || c == '}' || c == ']') && depth > 0) depth--;
            else if (c == ')') {
                out.add(text.substring(begin, i));
                return out;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(begin, i));
                begin = i + 1;
            }
        }
        return null;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

package dev.ftadvisor.audit;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * One DRL file as lint sees it: its text, the same text with comments and string literals blanked
 * (positions kept, so a match there has the right line and column), and the parser's tree (null when
 * the file does not parse; RuleIndex reports those problems).
 */
record DrlSource(String file, String text, String code, PackageDescr pkg) {

    static DrlSource parse(String file, String text) {
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser();
            pkg = parser.parse(false, text);
            if (parser.hasErrors()) pkg = null;
        } catch (DroolsParserException | RuntimeException e) {
            pkg = null;
        }
        return new DrlSource(file, text, blank(text, true), pkg);
    }

    /** Text only, no parse: for the quick sandbox scan (problems then name no rule). */
    static DrlSource unparsed(String file, String text) {
        return new DrlSource(file, text, blank(text, true), null);
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** 1-based column of a character offset. */
    int columnOf(int offset) {
        int nl = text.lastIndexOf('\n', Math.max(0, offset - 1));
        return offset - nl;
    }

    /** Offset of the first character of a 1-based line. */
    int offsetOfLine(int line) {
        int off = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', off);
            if (nl < 0) return text.length();
            off = nl + 1;
        }
        return off;
    }

    /** The rule whose text spans the line, or null (imports, functions, declarations). */
    RuleDescr ruleAt(int line) {
        if (pkg == null) return null;
        for (RuleDescr r : pkg.getRules()) {
            int end = r.getEndLine() > 0 ? r.getEndLine() : Integer.MAX_VALUE;
            if (line >= r.getLine() && line <= end) return r;
        }
        return null;
    }

    /**
     * Replaces comments (and, when strings is true, the insides of string and character literals)
     * with spaces, keeping newlines, so that pattern matches on code ignore prose.
     */
    static String blank(String s, boolean strings) {
        StringBuilder sb = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') sb.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) != '\n') sb.setCharAt(i, ' ');
                    i++;
                }
                if (i < n) { sb.setCharAt(i++, ' '); }
                if (i < n) { sb.setCharAt(i++, ' '); }
            } else if (c == '"' || c == '\'') {
                char q = c;
                i++;
                while (i < n && s.charAt(i) != q && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        if (strings) sb.setCharAt(i, ' ');
                        i++;
                    }
                    if (strings) sb.setCharAt(i, ' ');
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return sb.toString();
    }
}

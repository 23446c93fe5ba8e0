package dev.ftadvisor.audit;

import dev.ftadvisor.engine.RuleProblem;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses DRL that can do more than produce findings. A rules folder may come from someone else, and
 * its conditions, consequences, functions and declared types all become Java code run inside this
 * process: so the whole file text (comments and string literals aside) is scanned, not just the
 * consequences. Three checks:
 * <ul>
 *   <li>imports only from the fact model ({@code dev.ftadvisor.model}), {@code dev.ftadvisor.engine.Num},
 *       {@code java.util} (not {@code java.util.concurrent}) and {@code java.lang.Math};</li>
 *   <li>the only globals are {@link dev.ftadvisor.engine.RuleOutput} {@code out} and the named thresholds
 *       ({@link dev.ftadvisor.model.Thresholds} {@code th}, read-only);</li>
 *   <li>no name that reaches outside the engine anywhere in code: file, network, process, threads,
 *       reflection and class loading, {@code System.*}, other ftadvisor packages (the I/O and compiler
 *       classes), and no unicode escapes (javac decodes them before parsing, so they can hide code even
 *       inside a string literal).</li>
 * </ul>
 * A denylist cannot be complete in general; together with the import allowlist it covers every way to
 * name a JVM facility from DRL that we know of, and {@code rules check} documents it as such.
 */
final class SandboxCheck {
    /** At the start of a line, or after a semicolon (an import on the package line). */
    private static final Pattern IMPORT = Pattern.compile("(?m)(?:^|;)[ \\t]*import\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w.$*]+)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^[ \\t]*global\\s+([\\w.$]+)\\s+(\\w+)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    private record Forbidden(Pattern pattern, String why) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            f("\\bjava\\s*\\.\\s*(?:io|nio|net|sql|rmi|beans|security|lang\\s*\\.\\s*(?:reflect|invoke|management|instrument|ref))\\b", "a java.io/nio/net/sql/reflect package"),
            f("\\bjava\\s*\\.\\s*util\\s*\\.\\s*(?:concurrent|logging|prefs|jar|zip|ServiceLoader)\\b", "threads, logging or file access from java.util"),
            f("\\b(?:javax|jdk|sun|com\\s*\\.\\s*sun)\\s*\\.", "a javax/jdk/sun package"),
            f("\\bSystem\\s*\\.", "System (exit, environment, properties, stdout)"),
            f("\\b(?:Runtime|ProcessBuilder|Process|ProcessHandle)\\b", "starting processes or stopping the JVM"),
            f("\\b(?:Thread|ThreadGroup|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b", "threads"),
            f("ClassLoader\\b|\\bClass\\s*\\.\\s*forName\\b|\\.\\s*getClass\\s*\\(|\\.\\s*class\\b|\\bModuleLayer\\b", "class loading or class objects"),
            f("\\b(?:getDeclared\\w*|getMethods?|getFields?|getConstructors?|setAccessible|newInstance|invoke|invokeExact|lookup)\\s*\\(", "reflection"),
            f("\\b(?:MethodHandles?|Unsafe|VarHandle|Proxy)\\b", "reflection"),
            f("\\b(?:File|Files|Path|Paths|FileSystems?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|PrintStream|PrintWriter|ObjectInputStream|ObjectOutputStream)\\b", "files"),
            f("\\b(?:Socket|ServerSocket|DatagramSocket|URL|URI|URLConnection|HttpURLConnection|HttpClient|InetAddress)\\b", "the network"),
            f("\\b(?:ScriptEngine\\w*|Compiler|ToolProvider)\\b", "compiling or evaluating code"),
            f("\\bexec\\s*\\(|\\bexit\\s*\\(|\\bhalt\\s*\\(|\\bloadLibrary\\s*\\(|\\bgetenv\\s*\\(", "process control"),
            f("\\bdev\\s*\\.\\s*ftadvisor\\s*\\.\\s*(?!model\\b|engine\\s*\\.\\s*(?:Num|RuleOutput)\\b)[\\w.]+", "ftadvisor classes other than the fact model, Num and RuleOutput"));

    private static Forbidden f(String regex, String why) {
        return new Forbidden(Pattern.compile(regex), why);
    }

    private SandboxCheck() {
    }

    static List<RuleProblem> check(DrlSource src) {
        List<RuleProblem> problems = new ArrayList<>();
        String code = src.code();
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            String target = im.group(1);
            if (!allowedImport(target)) {
                problems.add(at(src, im.start(1), "import " + target + " is refused: rules may import only the fact model "
                        + "(dev.ftadvisor.model.*), dev.ftadvisor.engine.Num, java.util.* and java.lang.Math"));
            }
        }
        Matcher gm = GLOBAL.matcher(code);
        while (gm.find()) {
            boolean allowed = ("dev.ftadvisor.engine.RuleOutput".equals(gm.group(1)) && "out".equals(gm.group(2)))
                    || ("dev.ftadvisor.model.Thresholds".equals(gm.group(1)) && "th".equals(gm.group(2)));
            if (!allowed) {
                problems.add(at(src, gm.start(1), "global " + gm.group(1) + " " + gm.group(2)
                        + " is refused: the only globals are dev.ftadvisor.engine.RuleOutput out and dev.ftadvisor.model.Thresholds th"));
            }
        }
        Matcher tb = TEXT_BLOCK.matcher(src.text());
        if (tb.find()) {
            problems.add(at(src, tb.start(), "text block is refused: this check cannot tell its text from code; write ordinary string literals"));
        }
        Matcher um = UNICODE_ESCAPE.matcher(src.text());
        while (um.find()) {
            problems.add(at(src, um.start(), "unicode escape " + um.group() + " is refused: javac decodes it before parsing, so it can hide code; write the character itself"));
        }
        String codeOnly = blankImportsAndGlobals(code);
        // one problem per line, naming everything found on it
        java.util.TreeMap<Integer, int[]> firstAt = new java.util.TreeMap<>();
        java.util.Map<Integer, java.util.LinkedHashSet<String>> found = new java.util.HashMap<>();
        java.util.Map<Integer, java.util.LinkedHashSet<String>> why = new java.util.HashMap<>();
        for (Forbidden fb : FORBIDDEN) {
            Matcher m = fb.pattern.matcher(codeOnly);
            while (m.find()) {
                int line = src.lineOf(m.start());
                int[] first = firstAt.get(line);
                if (first == null || m.start() < first[0]) firstAt.put(line, new int[]{m.start()});
                found.computeIfAbsent(line, k -> new java.util.LinkedHashSet<>())
                        .add(m.group().replaceAll("\\s+", "").replaceAll("\\($", ""));
                why.computeIfAbsent(line, k -> new java.util.LinkedHashSet<>()).add(fb.why);
            }
        }
        firstAt.forEach((line, first) -> problems.add(at(src, first[0], String.join(", ", found.get(line).stream()
                .map(f -> "'" + f + "'").toList()) + " reaches outside the engine (" + String.join("; ", why.get(line))
                + "): a rule may only match facts and report through out.*")));
        return problems;
    }

    static boolean allowedImport(String target) {
        if (target.startsWith("dev.ftadvisor.model.")) return true;
        if (target.equals("dev.ftadvisor.engine.Num") || target.startsWith("dev.ftadvisor.engine.Num.")) return true;
        if (target.equals("java.lang.Math") || target.startsWith("java.lang.Math.")) return true;
        if (target.startsWith("java.util.")) {
            String rest = target.substring("java.util.".length());
            return !rest.contains(".") && !rest.startsWith("ServiceLoader") || rest.equals("*");
        }
        return false;
    }

    /** Imports and globals are judged by the allowlist above, not again by the denylist. */
    private static String blankImportsAndGlobals(String code) {
        StringBuilder sb = new StringBuilder(code);
        for (Pattern p : List.of(IMPORT, GLOBAL)) {
            Matcher m = p.matcher(code);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static RuleProblem at(DrlSource src, int offset, String message) {
        int line = src.lineOf(offset);
        RuleDescr r = src.ruleAt(line);
        String prefix = r == null ? "" : "rule '" + r.getName() + "': ";
        return new RuleProblem(src.file(), line, src.columnOf(offset), prefix + message);
    }
}

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the proposals a batch consumed (JSONL) and the JSONL reports it wrote, and prints what a
 * practitioner would check of the advice, as a Markdown table: the verdict mix by spotAllowed
 * (unset / true / false), the share of first plans on one GPU when the run fits one 80 GB card, the GPU
 * generations of the first plans, and the share of spot and out-of-region first plans. No library:
 * the fields are read with patterns, as a benchmark helper run with {@code java bench/AdviceStats.java}.
 *
 * Usage: java bench/AdviceStats.java PROPOSALS.jsonl REPORTS.jsonl facts/gpus.json
 */
public final class AdviceStats {
    private static final Pattern ID = Pattern.compile("\"(?:id|proposalId)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SPOT = Pattern.compile("\"spotAllowed\"\\s*:\\s*(true|false)");
    private static final Pattern VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MEMORY = Pattern.compile("\"estimate\"\\s*:\\s*\\{[^{]*?\"memoryGb\"\\s*:\\s*([0-9.]+)");
    private static final Pattern FIRST_PLAN = Pattern.compile("\"plans\"\\s*:\\s*\\[\\s*\\{(.*?)\"reasons\"");
    private static final Pattern GPU = Pattern.compile("\"gpu\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GPU_COUNT = Pattern.compile("\"gpuCount\"\\s*:\\s*(\\d+)");
    private static final Pattern NODES = Pattern.compile("\"nodes\"\\s*:\\s*(\\d+)");
    private static final Pattern PRICING = Pattern.compile("\"pricing\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern IN_REGION = Pattern.compile("\"inRegion\"\\s*:\\s*(true|false)");
    private static final Pattern GPU_ENTRY = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"architecture\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        Map<String, String> spotById = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Matcher id = ID.matcher(line);
            if (!id.find()) continue;
            Matcher spot = SPOT.matcher(line);
            spotById.put(id.group(1), spot.find() ? spot.group(1) : "unset");
        }
        Map<String, String> architecture = new HashMap<>();
        Matcher g = GPU_ENTRY.matcher(Files.readString(Path.of(args[2])));
        while (g.find()) architecture.put(g.group(1), g.group(2));

        Map<String, Map<String, Integer>> verdicts = new TreeMap<>();
        Map<String, Integer> generations = new TreeMap<>();
        int fitsOne = 0, fitsOneOnOne = 0, firstPlans = 0, spotFirst = 0, outOfRegionFirst = 0, reports = 0;
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            Matcher verdict = VERDICT.matcher(line);
            Matcher id = ID.matcher(line);
            if (!verdict.find() || !id.find()) continue;
            reports++;
            String spot = spotById.getOrDefault(id.group(1), "unset");
            verdicts.computeIfAbsent("spotAllowed " + spot, k -> new TreeMap<>()).merge(verdict.group(1), 1, Integer::sum);
            Matcher first = FIRST_PLAN.matcher(line);
            if (!first.find()) continue;
            String plan = first.group(1);
            firstPlans++;
            int gpus = intOf(GPU_COUNT, plan) * intOf(NODES, plan);
            String gpu = strOf(GPU, plan);
            generations.merge(architecture.getOrDefault(gpu, "unknown"), 1, Integer::sum);
            if ("spot".equals(strOf(PRICING, plan))) spotFirst++;
            if ("false".equals(strOf(IN_REGION, plan))) outOfRegionFirst++;
            Matcher memory = MEMORY.matcher(line);
            if (memory.find() && Double.parseDouble(memory.group(1)) <= 80) {
                fitsOne++;
                if (gpus == 1) fitsOneOnOne++;
            }
        }
        System.out.printf(Locale.ROOT, "reports: %d, with a first plan: %d%n%n", reports, firstPlans);
        System.out.println("| verdicts | feasible | feasible-with-changes | infeasible |");
        System.out.println("|---|--:|--:|--:|");
        for (var e : verdicts.entrySet()) {
            Map<String, Integer> v = e.getValue();
            int n = v.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf(Locale.ROOT, "| %s (%d) | %s | %s | %s |%n", e.getKey(), n, pct(v.get("feasible"), n),
                    pct(v.get("feasible-with-changes"), n), pct(v.get("infeasible"), n));
        }
        System.out.printf(Locale.ROOT, "%n| first plans | share |%n|---|--:|%n");
        System.out.printf(Locale.ROOT, "| on one GPU, when the run fits one 80 GB card (%d) | %s |%n", fitsOne, pct(fitsOneOnOne, fitsOne));
        System.out.printf(Locale.ROOT, "| spot | %s |%n", pct(spotFirst, firstPlans));
        System.out.printf(Locale.ROOT, "| outside the requested region | %s |%n", pct(outOfRegionFirst, firstPlans));
        for (var e : generations.entrySet()) {
            System.out.printf(Locale.ROOT, "| GPU generation %s | %s |%n", e.getKey(), pct(e.getValue(), firstPlans));
        }
    }

    private static String pct(Integer part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * (part == null ? 0 : part) / whole);
    }

    private static int intOf(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static String strOf(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private AdviceStats() {
    }
}

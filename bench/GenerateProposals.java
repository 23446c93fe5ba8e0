import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes N seeded synthetic proposals as JSONL: mixed models, methods, dataset sizes, budgets,
 * deadlines, regions and options, with a share of corrupt lines (broken JSON, unknown fields, wrong
 * types, unknown models, out-of-range numbers). Same seed, same file.
 *
 * Usage: java bench/GenerateProposals.java N OUT.jsonl [SEED] [CORRUPT_FRACTION]
 */
public final class GenerateProposals {
    static final String[] MODELS = {"llama-3-8b", "Meta-Llama-3-70B", "chatglm3-6b", "mistral-7b", "llama-3-8b", "mistral-7b"};
    static final String[] METHODS = {"lora", "qlora", "full", "freeze", "prefix-tuning", "p-tuning", "lora", "qlora"};
    static final String[] REGIONS = {"us", "eu", "cn", "ap"};
    static final String[] PROVIDERS = {"aws", "gcp", "azure", "aliyun", "lambda"};
    static final String[] CORRUPT = {
            "{\"model\": \"llama-3-8b\", \"method\": \"lora\"",                      // truncated JSON
            "{\"model\": \"llama-3-8b\", \"method\": \"lora\", \"budget\": 100}",     // unknown field
            "{\"model\": \"llama-3-8b\", \"epochs\": \"three\"}",                     // wrong type
            "{\"model\": \"lama-3-8b\", \"method\": \"lora\"}",                       // unknown model
            "{\"model\": \"mistral-7b\", \"method\": \"lora\", \"sequenceLength\": -5}", // out of range
            "not json at all",
            "{\"model\": \"mistral-7b\", \"method\": \"dpo\"}",                       // unknown method
    };

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        double corrupt = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write(rnd.nextDouble() < corrupt ? CORRUPT[rnd.nextInt(CORRUPT.length)] : proposal(i, rnd));
                w.write('\n');
            }
        }
    }

    static String proposal(int i, Random rnd) {
        StringBuilder b = new StringBuilder("{\"id\": \"p").append(i).append('"');
        String model = MODELS[rnd.nextInt(MODELS.length)];
        if (rnd.nextInt(20) == 0) {
            b.append(", \"parametersBillions\": ").append(String.format(Locale.ROOT, "%.1f", 1 + rnd.nextDouble() * 30));
        } else {
            b.append(", \"model\": \"").append(model).append('"');
        }
        b.append(", \"method\": \"").append(METHODS[rnd.nextInt(METHODS.length)]).append('"');
        if (rnd.nextInt(4) == 0) {
            b.append(", \"dataset\": {\"examples\": ").append(1000 + rnd.nextInt(200_000))
                    .append(", \"avgTokensPerExample\": ").append(100 + rnd.nextInt(900)).append('}');
        } else {
            String[] sizes = {"1M", "5M", "20M", "100M", "500M", "2B"};
            b.append(", \"dataset\": {\"tokens\": \"").append(sizes[rnd.nextInt(sizes.length)]).append("\"}");
        }
        b.append(", \"sequenceLength\": ").append(new int[]{512, 1024, 2048, 4096, 8192}[rnd.nextInt(5)]);
        b.append(", \"epochs\": ").append(1 + rnd.nextInt(5));
        if (rnd.nextInt(5) != 0) b.append(", \"budgetUsd\": ").append(new int[]{50, 200, 500, 2000, 10000, 100000}[rnd.nextInt(6)]);
        if (rnd.nextInt(3) == 0) b.append(", \"deadlineHours\": ").append(new int[]{6, 24, 72, 168, 720}[rnd.nextInt(5)]);
        if (rnd.nextInt(2) == 0) b.append(", \"region\": \"").append(REGIONS[rnd.nextInt(REGIONS.length)]).append('"');
        if (rnd.nextInt(6) == 0) {
            // two different providers (a repeated one is refused as input); the same random draws as before
            int first = rnd.nextInt(PROVIDERS.length);
            int second = rnd.nextInt(PROVIDERS.length);
            if (second == first) second = (second + 1) % PROVIDERS.length;
            b.append(", \"providers\": [\"").append(PROVIDERS[first]).append("\", \"").append(PROVIDERS[second]).append("\"]");
        }
        int spot = rnd.nextInt(5);   // 1 in 5 false, 1 in 5 true (a third of those with multiNodeSpot), else unset
        if (spot == 0) b.append(", \"spotAllowed\": false");
        if (spot == 1) b.append(", \"spotAllowed\": true").append(rnd.nextInt(3) == 0 ? ", \"multiNodeSpot\": true" : "");
        if (rnd.nextInt(6) == 0) b.append(", \"objective\": \"time\"");
        if (rnd.nextInt(8) == 0) b.append(", \"multiNodeAllowed\": false");
        if (rnd.nextInt(6) == 0) b.append(", \"training\": {\"gradientCheckpointing\": ").append(rnd.nextBoolean())
                .append(", \"microBatchSize\": ").append(1 + rnd.nextInt(8)).append('}');
        return b.append('}').toString();
    }
}

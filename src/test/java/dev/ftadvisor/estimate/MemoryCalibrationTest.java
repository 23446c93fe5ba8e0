package dev.ftadvisor.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.input.ResolvedProposal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the memory estimate against published figures (calibration/memory.json: LLaMA-Factory's and
 * Unsloth's tables) and against peak memory measured in real runs (calibration/measured.json), and
 * prints both tables. The constants are modelled from how the frameworks allocate memory, not fitted
 * to these rows; the tolerances below say how close that physics has to land.
 */
class MemoryCalibrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Measured points are asserted per meter: torch.cuda.max_memory_allocated counts what the model
     * needs, so high-confidence allocated points must land within 40%; ms-swift's figures are
     * max_memory_reserved on variable-length batches, where the caching allocator holds blocks sized
     * for longer earlier batches, so they get 60%. The median over all high-confidence points must be
     * at most 20%.
     */
    static final double MEASURED_ALLOCATED_TOLERANCE = 0.40;
    static final double MEASURED_RESERVED_TOLERANCE = 0.60;
    static final double MEASURED_MEDIAN_TOLERANCE = 0.20;
    /**
     * Sharded runs (FSDP / ZeRO-2/3, with and without CPU offload; medium or low confidence) check the
     * sharding arithmetic rather than activations: each within 35%, the published tables' tolerance.
     */
    static final double MEASURED_SHARDED_TOLERANCE = 0.35;

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = MemoryCalibrationTest.class.getResourceAsStream("/calibration/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static double estimateGb(ObjectNode proposal, boolean flashAttention) {
        ResolvedProposal r = MemoryEstimatorTest.resolve(proposal.toString());
        return MemoryEstimator.perGpu(r.model(), r.proposal(), MemoryEstimator.Sharding.single(flashAttention)).getTotal();
    }

    @Test
    void publishedTablesWithinTolerance() throws IOException {
        JsonNode file = load("memory.json");
        JsonNode settings = file.get("settings");
        double each = file.get("tolerance").get("eachWithin").asDouble();
        double median = file.get("tolerance").get("medianAbsErrorAtMost").asDouble();
        List<Double> errors = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-28s %-8s %-10s %10s %10s %8s  %s%n",
                "entry", "method", "setting", "published", "estimated", "error", "source"));
        for (JsonNode pt : file.get("points")) {
            ObjectNode p = JSON.createObjectNode();
            if (pt.has("model")) p.put("model", pt.get("model").asText());
            if (pt.has("parametersBillions")) p.put("parametersBillions", pt.get("parametersBillions").asDouble());
            p.put("method", pt.get("method").asText());
            if (pt.has("quantizationBits") && "qlora".equals(pt.get("method").asText())) {
                p.put("quantizationBits", pt.get("quantizationBits").asInt());
            }
            p.put("sequenceLength", settings.get("sequenceLength").asInt());
            ObjectNode t = p.putObject("training");
            t.put("microBatchSize", settings.get("microBatchSize").asInt());
            t.put("gradientCheckpointing", settings.get("gradientCheckpointing").asBoolean());
            t.put("loraRank", settings.get("loraRank").asInt());
            if (pt.has("precision")) t.put("precision", pt.get("precision").asText());
            double published = pt.get("publishedGb").asDouble();
            double estimated = estimateGb(p, true);
            double error = (estimated - published) / published;
            errors.add(Math.abs(error));
            String entry = pt.has("model") ? pt.get("model").asText() : pt.get("parametersBillions").asText() + "B";
            String setting = pt.has("precision") ? pt.get("precision").asText()
                    : pt.has("quantizationBits") ? pt.get("quantizationBits").asText() + "-bit" : "";
            String source = pt.get("source").asText().startsWith("Unsloth") ? "Unsloth" : "LLaMA-Factory";
            table.append(String.format(Locale.ROOT, "%-28s %-8s %-10s %10.1f %10.1f %+7.1f%%  %s%n", entry,
                    pt.get("method").asText(), setting, published, estimated, error * 100, source));
            if (Math.abs(error) > each) failures.add(entry + " " + pt.get("method").asText() + " " + setting);
        }
        double med = median(errors);
        table.append(String.format(Locale.ROOT, "median |error| %.1f%% (at most %.0f%%), max %.1f%% (each at most %.0f%%)%n",
                med * 100, median * 100, Collections.max(errors) * 100, each * 100));
        System.out.print(table);
        assertTrue(failures.isEmpty(), "outside " + each + ": " + failures + table);
        assertTrue(med <= median, "median |error| " + med + table);
    }

    @Test
    void measuredPeaksWithinTolerance() throws IOException {
        Catalog catalog = TestSupport.catalog();
        List<Double> highErrors = new ArrayList<>();
        List<Double> allErrors = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%4s %-14s %-6s %4s %4s %-5s %5s %3s %3s %3s %-9s %-4s %-9s %9s %9s %8s%n",
                "id", "model", "method", "bits", "rank", "tgt", "seq", "mb", "gc", "fa", "sharding", "conf", "meter", "measured", "estimated", "error"));
        int skipped = 0;
        for (JsonNode pt : load("measured.json").get("points")) {
            String model = pt.path("model").asText("");
            String targets = loraTargets(pt.path("loraTargets").asText("qv"));
            int gpus = pt.path("gpus").asInt(1);
            String sharding = pt.path("sharding").asText("none");
            int zeroStage = zeroStage(sharding);
            boolean inScope = "measured-peak".equals(pt.path("kind").asText())
                    && ((gpus == 1 && "none".equals(sharding)) || zeroStage > 0)
                    && pt.hasNonNull("measuredPeakGb") && pt.hasNonNull("sequenceLength") && pt.hasNonNull("microBatchSize")
                    && catalog.model(model).isPresent()
                    && ("full".equals(pt.path("method").asText()) || targets != null);
            if (!inScope) {
                skipped++;
                continue;
            }
            String method = pt.get("method").asText();
            ObjectNode p = JSON.createObjectNode();
            p.put("model", model);
            p.put("method", method);
            if ("qlora".equals(method)) p.put("quantizationBits", pt.get("quantizationBits").asInt());
            p.put("sequenceLength", pt.get("sequenceLength").asInt());
            ObjectNode t = p.putObject("training");
            t.put("microBatchSize", pt.get("microBatchSize").asInt());
            t.put("gradientCheckpointing", pt.path("gradientCheckpointing").asBoolean(false));
            // litgpt trains "bf16-true": weights, adapters and optimizer states all in bf16
            if (pt.path("notes").asText().contains("bf16-true")) t.put("precision", "pure-bf16");
            // paged 32-bit AdamW keeps fp32 states like AdamW; only 8-bit variants change the term
            String optimizer = pt.path("optimizer").asText("adamw");
            t.put("optimizer", optimizer.contains("8bit") ? "paged-adamw-8bit" : "adamw");
            if (!"full".equals(method)) {
                if (pt.hasNonNull("loraRank")) t.put("loraRank", pt.get("loraRank").asInt());
                ArrayNodeWriter.targets(t, targets);
            }
            boolean flash = pt.path("flashAttention").asBoolean(true);
            double measured = pt.get("measuredPeakGb").asDouble();
            double estimated = zeroStage == 0 ? estimateGb(p, flash)
                    : shardedGb(p, new MemoryEstimator.Sharding(gpus, zeroStage, sharding.contains("offload"), flash));
            double error = (estimated - measured) / measured;
            String notes = pt.path("notes").asText();
            String meter = notes.contains("max_memory_allocated") ? "allocated"
                    : notes.contains("max_memory_reserved") ? "reserved" : "other";
            String confidence = pt.path("confidence").asText();
            allErrors.add(Math.abs(error));
            if (zeroStage > 0 && Math.abs(error) > MEASURED_SHARDED_TOLERANCE) failures.add(pt.get("id").asText());
            if ("high".equals(confidence)) {
                highErrors.add(Math.abs(error));
                double tolerance = "reserved".equals(meter) ? MEASURED_RESERVED_TOLERANCE : MEASURED_ALLOCATED_TOLERANCE;
                if (Math.abs(error) > tolerance) failures.add(pt.get("id").asText());
            }
            table.append(String.format(Locale.ROOT, "%4d %-14s %-6s %4s %4s %-5s %5d %3d %3s %3s %-9s %-4s %-9s %9.2f %9.2f %+7.1f%%%n",
                    pt.get("id").asInt(), model, method, pt.path("quantizationBits").asText(""), pt.path("loraRank").asText(""),
                    targets == null ? "-" : targets, pt.get("sequenceLength").asInt(), pt.get("microBatchSize").asInt(),
                    pt.path("gradientCheckpointing").asBoolean(false) ? "y" : "n", flash ? "y" : "n",
                    zeroStage == 0 ? "1 GPU" : gpus + "x z" + zeroStage + (sharding.contains("offload") ? "+off" : ""),
                    confidence, meter, measured, estimated, error * 100));
        }
        double medHigh = median(highErrors);
        table.append(String.format(Locale.ROOT, "%d points in scope (%d high confidence), %d out of scope (models not in facts/models.json, naive model parallel, bounds, trainable embeddings)%n",
                allErrors.size(), highErrors.size(), skipped));
        table.append(String.format(Locale.ROOT, "median |error|: high confidence %.1f%% (at most %.0f%%), all in scope %.1f%%%n",
                medHigh * 100, MEASURED_MEDIAN_TOLERANCE * 100, median(allErrors) * 100));
        System.out.print(table);
        assertTrue(highErrors.size() >= 30, "too few measured points in scope: " + highErrors.size());
        assertTrue(failures.isEmpty(), "points outside tolerance: " + failures + table);
        assertTrue(medHigh <= MEASURED_MEDIAN_TOLERANCE, "median |error| " + medHigh + table);
    }

    /** ZeRO stage of a data-parallel measured run (FSDP full sharding is stage 3); 0 when not sharded that way. */
    static int zeroStage(String sharding) {
        if (sharding.startsWith("fsdp") || sharding.startsWith("zero3")) return 3;
        if (sharding.startsWith("zero2")) return 2;
        return 0;
    }

    private static double shardedGb(ObjectNode proposal, MemoryEstimator.Sharding sharding) {
        ResolvedProposal r = MemoryEstimatorTest.resolve(proposal.toString());
        return MemoryEstimator.perGpu(r.model(), r.proposal(), sharding).getTotal();
    }

    /**
     * Maps a measured run's LoRA targets to the contract's names; null when the run trained something
     * the contract cannot express (full embedding / lm_head training beside LoRA).
     */
    static String loraTargets(String described) {
        String d = described.toLowerCase(Locale.ROOT);
        if (d.contains("embed")) return null;
        if (d.startsWith("all")) return "all";
        if (d.equals("q,v,o + mlp")) return "qvo+mlp";
        if (d.contains("c_attn") || d.contains("w_pack") || d.contains("q,k,v") || d.contains("query_key_value")) return "qkv";
        if (d.equals("qv") || d.equals("null") || d.isEmpty()) return "qv";
        return null;
    }

    /** Writes the short target names used in the table as the contract's module list. */
    static final class ArrayNodeWriter {
        static void targets(ObjectNode training, String targets) {
            var list = training.putArray("loraTargets");
            switch (targets) {
                case "all" -> list.add("all");
                case "qkv" -> list.add("q_proj").add("k_proj").add("v_proj");
                case "qvo+mlp" -> list.add("q_proj").add("v_proj").add("o_proj").add("gate_proj").add("up_proj").add("down_proj");
                default -> list.add("q_proj").add("v_proj");
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

package dev.ftadvisor.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.TestSupport;
import dev.ftadvisor.cli.Main;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Generated hostile proposals: a valid proposal with one field given a value it must refuse (blank,
 * control characters, wrong JSON type, null list items, empty or repeated lists, out of range, options
 * that need another), read as JSON and as YAML. Each must be refused with an {@link InputException}
 * naming that field in one line: never accepted with the value coerced or dropped, never another
 * exception. Random bytes and truncated documents must be refused the same way, and the CLI must turn
 * each refusal into exit 2 and one line on stderr.
 */
class HostileProposalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProposalResolver RESOLVER = new ProposalResolver(TestSupport.catalog());

    /** A field and a value it must refuse, as JSON text. */
    record Poison(String path, String json) {
    }

    private static final List<String> NOT_TEXT = List.of("\"\"", "\"   \"", "\"a\\u0000b\"", "\"x\\ry\"", "\"\\t\"", "true", "12", "1.5", "[]", "[\"a\"]", "{}");
    private static final List<String> NOT_NUMBER = List.of("\"\"", "\" \"", "\"12\"", "\"\\u0000\"", "true", "false", "[]", "[1]", "{}", "\"NaN\"");
    private static final List<String> NOT_BOOLEAN = List.of("\"\"", "\" \"", "\"true\"", "\"yes\"", "1", "0", "[]", "{}", "\"\\u0000\"");
    private static final List<String> NOT_NAMES = List.of("[]", "[null]", "[\"\"]", "[\" \"]", "[true]", "[1]", "\"aws\"", "{}", "[[\"aws\"]]");

    static List<Poison> poisons() {
        List<Poison> out = new ArrayList<>();
        for (String f : List.of("id", "model", "method", "region", "objective", "training.precision", "training.optimizer")) {
            NOT_TEXT.forEach(v -> out.add(new Poison(f, v)));
        }
        for (String f : List.of("method", "region", "objective", "training.precision", "training.optimizer")) {
            out.add(new Poison(f, "\"nonsense\""));
        }
        for (String f : List.of("parametersBillions", "epochs", "budgetUsd", "deadlineHours", "sequenceLength", "quantizationBits",
                "training.microBatchSize", "training.loraRank", "training.zeroStage", "training.mfu", "training.checkpointIntervalHours",
                "training.trainableFraction", "training.virtualTokens", "dataset.avgTokensPerExample")) {
            NOT_NUMBER.forEach(v -> out.add(new Poison(f, v)));
            out.add(new Poison(f, "-1"));
            out.add(new Poison(f, "1e300"));
        }
        for (String f : List.of("spotAllowed", "multiNodeAllowed", "multiNodeSpot", "training.gradientCheckpointing", "training.cpuOffload")) {
            NOT_BOOLEAN.forEach(v -> out.add(new Poison(f, v)));
        }
        for (String f : List.of("providers", "training.loraTargets")) {
            NOT_NAMES.forEach(v -> out.add(new Poison(f, v)));
        }
        out.add(new Poison("providers", "[\"aws\",\"AWS\"]"));
        out.add(new Poison("providers", "[\"aws\",\"moon\"]"));
        out.add(new Poison("training.loraTargets", "[\"q_proj\",\"q_proj\"]"));
        for (String v : List.of("\"\"", "\" \"", "\"20MB\"", "\"abc\"", "true", "[]", "{}", "\"-5\"", "-5", "\"1e99\"")) {
            out.add(new Poison("dataset.tokens", v));
        }
        return out;
    }

    @Provide
    Arbitrary<String> bases() {
        return Arbitraries.of(
                "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"},\"budgetUsd\":500}",
                "{\"model\":\"mistral-7b\",\"method\":\"qlora\",\"epochs\":2,\"region\":\"eu\",\"training\":{\"loraRank\":16}}",
                "{\"model\":\"llama-3-70b\",\"method\":\"full\",\"deadlineHours\":48,\"providers\":[\"aws\",\"gcp\"],\"spotAllowed\":true}",
                "{\"parametersBillions\":13,\"method\":\"lora\",\"sequenceLength\":4096,\"objective\":\"time\"}");
    }

    @Provide
    Arbitrary<Poison> poisoned() {
        return Arbitraries.of(poisons());
    }

    @Property(tries = 1200, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyPoisonedFieldIsRefusedByNameInOneLine(@ForAll("bases") String base, @ForAll("poisoned") Poison p,
                                                    @ForAll boolean asYaml) throws Exception {
        String doc = inject(base, p);
        Throwable t = catchThrowable(() -> RESOLVER.resolve(ProposalReader.read(doc, asYaml), "fuzz"));
        assertThat(t).as(doc).isInstanceOf(InputException.class);
        InputException e = (InputException) t;
        String top = p.path().contains(".") ? p.path().substring(0, p.path().indexOf('.')) : p.path();
        assertThat(e.field()).as(doc + " -> " + e.getMessage()).startsWith(top);
        assertThat(e.getMessage()).as(doc).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
        Arbitrary<byte[]> truncated = Combinators.combine(bases(), Arbitraries.integers().between(0, 120))
                .as((b, n) -> b.substring(0, Math.min(n, b.length() - 1)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, truncated, text);
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void garbageIsRefusedInOneLineNeverWithAnotherException(@ForAll("garbage") byte[] bytes, @ForAll boolean asYaml) {
        Throwable t = catchThrowable(() -> RESOLVER.resolve(ProposalReader.read(ProposalText.decode(bytes), asYaml), "fuzz"));
        if (t == null) return; // a random text can be a valid proposal only by being one (e.g. {"model": ...})
        assertThat(t).isInstanceOf(InputException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void theCliAnswersEachRefusalWithExit2AndOneLine(@ForAll("bases") String base, @ForAll("poisoned") Poison p,
                                                     @ForAll boolean asYaml) throws Exception {
        Path dir = Files.createTempDirectory("hostile");
        Path file = dir.resolve(asYaml ? "p.yaml" : "p.json");
        Files.writeString(file, inject(base, p));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[]{"consult", file.toString(), "--no-cache"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip()).as(err.toString()).doesNotContain("\n").startsWith("error: ");
        assertThat(out.toString()).isEmpty();
    }

    /** The base proposal with the poisoned value at its path (objects on the way created as needed). */
    static String inject(String base, Poison p) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(base);
        String[] parts = p.path().split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) && at.get(parts[i]).isObject() ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], JSON.readTree(p.json()));
        if (p.path().equals("dataset.avgTokensPerExample") && p.json().equals("-1")) {
            // with examples the value is checked for range; without them, for being alone: both refuse it
            at.put("examples", 1000);
            at.remove("tokens");
        }
        return JSON.writeValueAsString(root);
    }

}

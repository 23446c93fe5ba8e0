package dev.ftadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRunnerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] MODELS = {"llama-3-8b", "mistral-7b", "Meta-Llama-3-70B", "chatglm3-6b"};
    static final String[] METHODS = {"lora", "qlora", "full"};
    static BatchEvaluator evaluator;

    @BeforeAll
    static void engine() {
        evaluator = new BatchEvaluator(TestSupport.advisor());
    }

    /** n proposals, every 7th line corrupt in a different way. */
    static Path mixed(Path dir, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(switch (i % 7 == 0 ? (i / 7) % 3 : -1) {
                case 0 -> "{\"id\": \"p" + i + "\", \"model\": \"llama-3-8b\", \"epochs\": \"three\"}";
                case 1 -> "{\"id\": \"p" + i + "\", \"model\": \"llama";
                case 2 -> "{\"id\": \"p" + i + "\", \"model\": \"lama-3-8b\"}";
                default -> "{\"id\": \"p" + i + "\", \"model\": \"" + MODELS[i % MODELS.length] + "\", \"method\": \""
                        + METHODS[i % METHODS.length] + "\", \"dataset\": {\"tokens\": \"" + (i % 5 + 1) + "0M\"}, \"budgetUsd\": "
                        + (i % 4 == 0 ? 20 : 2000) + "}";
            });
        }
        return Files.write(dir.resolve("mixed.jsonl"), lines);
    }

    static List<JsonNode> runJsonl(Path input, int jobs, boolean failFast, BatchRunner.Summary[] summary) throws Exception {
        StringWriter out = new StringWriter();
        try (RecordReader records = new RecordReader(List.of(input.toString()), RecordReaderTest.NO_STDIN)) {
            summary[0] = new BatchRunner(evaluator, jobs, failFast).run(records, new JsonLinesWriter(out), Progress.NONE);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) if (!l.isEmpty()) lines.add(JSON.readTree(l));
        return lines;
    }

    @Test
    void oneOutputRecordPerInputRecordInInputOrderWhateverTheJobs(@TempDir Path dir) throws Exception {
        Path input = mixed(dir, 120);
        BatchRunner.Summary[] one = new BatchRunner.Summary[1];
        BatchRunner.Summary[] four = new BatchRunner.Summary[1];
        List<JsonNode> serial = runJsonl(input, 1, false, one);
        List<JsonNode> parallel = runJsonl(input, 4, false, four);

        assertThat(serial).hasSize(120);
        assertThat(parallel).hasSize(120);
        assertThat(one[0].records()).isEqualTo(120);
        assertThat(one[0].errors()).isEqualTo(17).isEqualTo(four[0].errors());
        for (int i = 0; i < 120; i++) {
            JsonNode s = serial.get(i);
            JsonNode p = parallel.get(i);
            assertThat(s.path("line").asInt()).isEqualTo(i + 1);
            assertThat(p.path("line").asInt()).isEqualTo(i + 1);
            // an unreadable line cannot name its id: it gets the file-and-line default
            assertThat(s.path("proposalId").asText()).isIn("p" + (i + 1), "mixed-" + (i + 1));
            assertThat(p.path("status").asText()).isEqualTo(s.path("status").asText());
            assertThat(p.path("report").path("verdict")).isEqualTo(s.path("report").path("verdict"));
            assertThat(p.path("report").path("plans")).isEqualTo(s.path("report").path("plans"));
        }
    }

    @Test
    void invalidRecordsBecomeErrorRecordsNamingFileLineFieldAndProblem(@TempDir Path dir) throws Exception {
        List<JsonNode> out = runJsonl(mixed(dir, 21), 2, false, new BatchRunner.Summary[1]);
        JsonNode typeError = out.get(20); // line 21: 21/7 = 3 -> case 0
        assertThat(typeError.path("status").asText()).isEqualTo("error");
        assertThat(typeError.path("source").asText()).endsWith("mixed.jsonl");
        assertThat(typeError.path("error").path("field").asText()).isEqualTo("epochs");
        assertThat(typeError.path("error").path("problem").asText()).contains("expected a number");
        assertThat(typeError.path("error").path("message").asText()).endsWith("mixed.jsonl:21: epochs: expected a number, got 'three'");
        JsonNode broken = out.get(6); // line 7: case 1, truncated JSON
        assertThat(broken.path("error").path("problem").asText()).contains("not valid JSON");
        JsonNode unknownModel = out.get(13); // line 14: case 2
        assertThat(unknownModel.path("error").path("field").asText()).isEqualTo("model");
        assertThat(unknownModel.path("error").path("problem").asText()).contains("closest known").contains("llama-3-8b");
        JsonNode ok = out.get(0);
        assertThat(ok.path("status").asText()).isEqualTo("ok");
        assertThat(ok.path("report").path("verdict").asText()).isIn("feasible", "feasible-with-changes", "infeasible");
        assertThat(ok.path("report").path("rulesVersion").asText()).startsWith("sha256:");
    }

    @Test
    void failFastStopsAtTheFirstInvalidRecordAndWritesIt(@TempDir Path dir) throws Exception {
        BatchRunner.Summary[] s = new BatchRunner.Summary[1];
        List<JsonNode> out = runJsonl(mixed(dir, 60), 2, true, s);
        assertThat(s[0].stopped()).isTrue();
        assertThat(s[0].errors()).isEqualTo(1);
        assertThat(out).hasSize(7);
        assertThat(out.get(6).path("status").asText()).isEqualTo("error");
    }

    @Test
    void csvAndHtmlSummariesHaveOneRowPerRecord(@TempDir Path dir) throws Exception {
        Path input = mixed(dir, 30);
        StringWriter csv = new StringWriter();
        StringWriter html = new StringWriter();
        try (RecordReader r = new RecordReader(List.of(input.toString()), RecordReaderTest.NO_STDIN)) {
            new BatchRunner(evaluator, 2, false).run(r, OutputFormat.CSV.writer(csv), Progress.NONE);
        }
        try (RecordReader r = new RecordReader(List.of(input.toString()), RecordReaderTest.NO_STDIN)) {
            new BatchRunner(evaluator, 2, false).run(r, OutputFormat.HTML.writer(html), Progress.NONE);
        }
        List<String> rows = csv.toString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("source,line,id,status,verdict,topPlan,costUsd,hours,firstBlocker,error");
        assertThat(rows).hasSize(31);
        assertThat(rows.get(1)).contains(",1,p1,ok,").containsPattern(",(feasible|feasible-with-changes|infeasible),");
        assertThat(rows.get(7)).contains(",7,mixed-7,error,").contains("mixed.jsonl:7: column 29: not valid JSON");

        String page = html.toString();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("Verdicts")
                .contains("Cost of the top plan").contains("Hours of the top plan").endsWith("</html>\n");
        assertThat(page.split("<tr class=", -1)).hasSize(31);
        assertThat(page).doesNotContain("<script").doesNotContain("src=\"http");
    }

    @Test
    void steadyStateCountsTheRecordsAfterTheLastPowerOfTwoAtOrBeforeHalfTheBatch(@TempDir Path dir) throws Exception {
        // invalid lines are quick to evaluate: the point is the counting, not the engine
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2300; i++) lines.add("{\"model\": \"llama-3-8b\", \"epochs\": \"three\"}");
        BatchRunner.Summary[] big = new BatchRunner.Summary[1];
        assertThat(runJsonl(Files.write(dir.resolve("big.jsonl"), lines), 2, false, big)).hasSize(2300);
        // checkpoints at 1,024 and 2,048 records; half the batch is 1,150: steady = records 1,025-2,300
        assertThat(big[0].steadyRecords()).isEqualTo(2300 - 1024);
        assertThat(big[0].steadyNanos()).isPositive().isLessThanOrEqualTo(big[0].nanos());

        BatchRunner.Summary[] small = new BatchRunner.Summary[1];
        runJsonl(mixed(dir, 30), 1, false, small);
        assertThat(small[0].steadyRecords()).isZero();
        assertThat(small[0].steadyPerSecond()).isZero();
    }
}

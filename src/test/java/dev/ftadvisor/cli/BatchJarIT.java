package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code batch} through the packaged jar, as the README shows it. */
class BatchJarIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mixedInputsGiveOneRecordEachInOrderAndExit1ForInvalidOnes(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("proposals"));
        Files.copy(Path.of("facts/proposals/llama3-8b-lora.json"), folder.resolve("a.json"));
        Files.writeString(folder.resolve("b.yaml"), "model: mistral-7b\nmethod: qlora\nbudgetUsd: 100\n");
        Path jsonl = Files.writeString(dir.resolve("more.jsonl"),
                "{\"model\": \"llama-3-8b\", \"method\": \"lora\"}\n{\"model\": \"llama-3-8b\", \"epochs\": \"three\"}\n");
        Path csv = Files.writeString(dir.resolve("sheet.csv"), "id,model,method,tokens,budgetUsd\nc1,mistral-7b,lora,20M,500\nc2,chatglm3-6b,full,,lots\n");
        Path out = dir.resolve("out.jsonl");

        JarRunner.Result r = JarRunner.run("batch", folder.toString(), jsonl.toString(), csv.toString(), "--out", out.toString(), "--jobs", "2");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("2 of 6 record(s) invalid").doesNotContain("Exception").doesNotContain("INFO");
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        List<JsonNode> records = lines.stream().map(BatchJarIT::json).toList();
        assertThat(records).extracting(n -> n.path("proposalId").asText())
                .containsExactly("llama3-8b-lora", "b", "more-1", "more-2", "c1", "c2");
        assertThat(records).extracting(n -> n.path("status").asText())
                .containsExactly("ok", "ok", "ok", "error", "ok", "error");
        assertThat(records.get(3).path("error").path("message").asText()).endsWith("more.jsonl:2: epochs: expected a number, got 'three'");
        assertThat(records.get(5).path("error").path("message").asText()).endsWith("sheet.csv:3: budgetUsd: expected a number, got 'lots'");
        assertThat(records.get(0).path("report").path("plans").get(0).has("costUsd")).isTrue();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void csvAndHtmlSummariesAndStdin(@TempDir Path dir) throws Exception {
        String stdin = "{\"id\": \"s1\", \"model\": \"llama-3-8b\", \"method\": \"qlora\", \"budgetUsd\": 50}\n"
                + "{\"id\": \"s2\", \"model\": \"Meta-Llama-3-70B\", \"method\": \"full\", \"budgetUsd\": 10}\n";
        Path csv = dir.resolve("summary.csv");
        JarRunner.Result c = JarRunner.run(Path.of("."), stdin, "batch", "-", "--out", csv.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).isEmpty();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("source,line,id,status,verdict,topPlan,costUsd,hours,firstBlocker,error");
        assertThat(rows.get(1)).startsWith("<stdin>,1,s1,ok,");
        assertThat(rows.get(2)).startsWith("<stdin>,2,s2,ok,");

        Path html = dir.resolve("summary.html");
        JarRunner.Result h = JarRunner.run(Path.of("."), stdin, "batch", "-", "--out", html.toString());
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(Files.readString(html)).contains("<svg").contains("<table>").contains("s2");

        JarRunner.Result toStdout = JarRunner.run(Path.of("."), stdin, "batch", "-", "--format", "csv");
        assertThat(toStdout.exit()).as(toStdout.err()).isZero();
        assertThat(toStdout.out().lines().count()).isEqualTo(3);
    }

    @Test
    void failFastAndUsageErrors(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("p.jsonl"), "{\"model\": \"llama-3-8b\"}\nnot json\n{\"model\": \"mistral-7b\"}\n");
        Path out = dir.resolve("o.jsonl");
        JarRunner.Result ff = JarRunner.run("batch", jsonl.toString(), "--out", out.toString(), "--fail-fast");
        assertThat(ff.exit()).isEqualTo(1);
        assertThat(ff.err()).contains("--fail-fast");
        assertThat(Files.readAllLines(out)).hasSize(2);

        JarRunner.Result missing = JarRunner.run("batch", dir.resolve("nope.jsonl").toString(), "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl: no such file").doesNotContain("\tat ");

        JarRunner.Result format = JarRunner.run("batch", jsonl.toString(), "--out", dir.resolve("o.txt").toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--out").contains(".csv");
        assertThat(dir.resolve("o.txt")).doesNotExist();
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

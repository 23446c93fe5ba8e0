package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReaderTest {
    static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    static List<BatchRecord> readAll(List<String> inputs, InputStream stdin) {
        List<BatchRecord> out = new ArrayList<>();
        try (RecordReader r = new RecordReader(inputs, stdin)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void aFolderYieldsEveryProposalFileSortedWithSourceAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "model: mistral-7b\nmethod: qlora\n");
        Files.writeString(dir.resolve("a.json"), "{\"model\": \"llama-3-8b\"}");
        Files.writeString(dir.resolve("c.jsonl"), "{\"model\": \"llama-3-8b\"}\n\n{\"model\": \"mistral-7b\"}\n");
        Files.writeString(dir.resolve("d.csv"), "model,method\nllama-3-8b,lora\n");
        Files.writeString(dir.resolve(".hidden.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not a proposal");

        List<BatchRecord> records = readAll(List.of(dir.toString()), NO_STDIN);

        assertThat(records).extracting(r -> Path.of(r.source()).getFileName().toString() + ":" + r.line())
                .containsExactly("a.json:1", "b.yaml:1", "c.jsonl:1", "c.jsonl:3", "d.csv:2");
        assertThat(records).extracting(BatchRecord::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(records).extracting(BatchRecord::defaultId).containsExactly("a", "b", "c-1", "c-3", "d-2");
        assertThat(records.get(1).parse().model).isEqualTo("mistral-7b");
        assertThat(records.get(4).parse().method).isEqualTo("lora");
        assertThat(RecordReader.count(List.of(dir.toString()))).isEqualTo(5);
    }

    @Test
    void severalInputsKeepTheirOrder(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.jsonl"), "{\"id\": \"1\"}\n{\"id\": \"2\"}\n");
        Path two = Files.writeString(dir.resolve("two.jsonl"), "{\"id\": \"3\"}\n");
        List<BatchRecord> records = readAll(List.of(two.toString(), one.toString()), NO_STDIN);
        assertThat(records).extracting(r -> r.parse().id).containsExactly("3", "1", "2");
    }

    @Test
    void stdinIsJsonLinesOrCsvBySniffing() {
        List<BatchRecord> jsonl = readAll(List.of("-"), stdin("\n{\"model\": \"llama-3-8b\"}\n{\"model\": \"mistral-7b\"}\n"));
        assertThat(jsonl).extracting(BatchRecord::line).containsExactly(2, 3);
        assertThat(jsonl).extracting(BatchRecord::source).containsOnly("<stdin>");
        assertThat(jsonl.get(1).parse().model).isEqualTo("mistral-7b");

        List<BatchRecord> csv = readAll(List.of("-"), stdin("model,budgetUsd\nllama-3-8b,500\nmistral-7b,\n"));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).parse().budgetUsd).isEqualTo(500.0);
        assertThat(csv.get(1).parse().budgetUsd).isNull();
        assertThat(csv).extracting(BatchRecord::line).containsExactly(2, 3);
    }

    @Test
    void aCorruptLineIsStillOneRecordThatFailsAlone(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.write(f, ("{\"model\": \"llama-3-8b\"}\n{\"model\": \"lla\u00ff\n" + "{\"model\": \"mistral-7b\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        List<BatchRecord> records = readAll(List.of(f.toString()), NO_STDIN);
        assertThat(records).hasSize(3);
        assertThatThrownBy(() -> records.get(1).parse()).isInstanceOf(InputException.class).hasMessageContaining("not UTF-8 text (byte 0xFF");
        assertThat(records.get(2).parse().model).isEqualTo("mistral-7b");
    }

    @Test
    void missingOrUnknownInputsFailBeforeTheBatchStarts(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new RecordReader(List.of(dir.resolve("nope.jsonl").toString()), NO_STDIN))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
        Path txt = Files.writeString(dir.resolve("p.txt"), "x");
        assertThatThrownBy(() -> new RecordReader(List.of(txt.toString()), NO_STDIN))
                .isInstanceOf(InputException.class).hasMessageContaining(".jsonl");
    }

    @Test
    void linesSplitOnNewlineOnlySoALoneCarriageReturnStaysInsideItsRecord(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.jsonl");
        // a lone \r is JSON whitespace; CRLF line ends are dropped with the \n
        Files.writeString(f, "{\"model\":\r\"llama-3-8b\"}\r\n{\"model\": \"mistral-7b\"}\n{\"model\": \"qwen2.5-7b\"}");
        List<BatchRecord> records = readAll(List.of(f.toString()), NO_STDIN);
        assertThat(records).extracting(BatchRecord::line).containsExactly(1, 2, 3);
        assertThat(records).extracting(r -> r.parse().model).containsExactly("llama-3-8b", "mistral-7b", "qwen2.5-7b");
    }

    @Test
    void anUnreadableFileOfAFolderIsItsOwnErrorRecordAndTheFolderGoesOn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"model\": \"llama-3-8b\"}");
        Files.write(dir.resolve("b.json"), new byte[]{'{', '"', 'm', (byte) 0xC3, '"', '}'});
        Files.write(dir.resolve("c.yaml"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Files.writeString(dir.resolve("d.json"), "{\"model\": \"x\"".repeat(200_000));
        Files.writeString(dir.resolve("e.yaml"), "model: mistral-7b\n");
        List<BatchRecord> records = readAll(List.of(dir.toString()), NO_STDIN);
        assertThat(records).extracting(r -> Path.of(r.source()).getFileName().toString())
                .containsExactly("a.json", "b.json", "c.yaml", "d.json", "e.yaml");
        assertThat(records.get(0).parse().model).isEqualTo("llama-3-8b");
        assertThatThrownBy(() -> records.get(1).parse()).hasMessageContaining("not UTF-8 text (byte 0xC3 at offset 3)");
        assertThatThrownBy(() -> records.get(2).parse()).hasMessageContaining("binary data");
        assertThatThrownBy(() -> records.get(3).parse()).hasMessageContaining("too large");
        assertThat(records.get(4).parse().model).isEqualTo("mistral-7b");
    }

    @Test
    void aSymbolicLinkInsideAFolderIsNotFollowedAndNothingOfItsTargetIsShown(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("outside.txt"), "root:x:0:0:secret");
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.createSymbolicLink(in.resolve("passwd.json"), secret);
        Files.writeString(in.resolve("p.json"), "{\"model\": \"llama-3-8b\"}");
        List<BatchRecord> records = readAll(List.of(in.toString()), NO_STDIN);
        assertThat(records).extracting(r -> Path.of(r.source()).getFileName().toString()).containsExactly("p.json", "passwd.json");
        assertThatThrownBy(() -> records.get(1).parse()).hasMessageContaining("symbolic link: not followed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root"));
    }

    @Test
    void aSubfolderThatCannotBeReadIsAnErrorRecord(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "permissions do not bind the root user");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("p.json"), "{}");
        Files.writeString(dir.resolve("q.json"), "{\"model\": \"llama-3-8b\"}");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            List<BatchRecord> records = readAll(List.of(dir.toString()), NO_STDIN);
            assertThat(records).hasSize(2);
            assertThatThrownBy(() -> records.get(0).parse()).hasMessageContaining("cannot read folder: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aTooLongOrUtf16LineIsOneErrorRecordWithTheLineNumbersKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.writeString(f, "{\"model\": \"llama-3-8b\"}\n" + "x".repeat((1 << 20) + 10) + "\n{\"model\": \"mistral-7b\"}\n");
        List<BatchRecord> records = readAll(List.of(f.toString()), NO_STDIN);
        assertThat(records).extracting(BatchRecord::line).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> records.get(1).parse()).hasMessageContaining("line too long");
        Path u16 = dir.resolve("u.csv");
        Files.write(u16, concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "model\nllama-3-8b\n".getBytes(StandardCharsets.UTF_16LE)));
        List<BatchRecord> csv = readAll(List.of(u16.toString()), NO_STDIN);
        assertThat(csv).hasSize(1);
        assertThatThrownBy(() -> csv.get(0).parse()).hasMessageContaining("UTF-16 text");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.ftadvisor.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicOutputTest {
    @Test
    void nothingAppearsUnderTheTargetNameUntilCommit(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("{}\n");
            out.writer().flush();
            assertThat(target).doesNotExist();
            assertThat(out.temp()).exists().hasParent(dir);
            out.commit();
        }
        assertThat(target).hasContent("{}");
        assertThat(listing(dir)).containsExactly("out.jsonl");
    }

    @Test
    void aFailedBatchLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("half a fi");
            throw new IllegalStateException("crash");
        } catch (IllegalStateException expected) {
            // the batch died
        }
        assertThat(target).hasContent("old");
        assertThat(listing(dir)).containsExactly("out.csv");
    }

    static java.util.List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void temporaryFilesLeftByAKilledRunAreSweptAndALiveRunsAreKept(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        Path dead = Files.writeString(dir.resolve(".out.jsonl." + Long.MAX_VALUE / 2 + ".123.part"), "half");
        Path live = Files.writeString(dir.resolve(".out.jsonl." + ProcessHandle.current().pid() + ".456.part"), "running");
        Path other = Files.writeString(dir.resolve(".other.jsonl.1.part"), "not ours");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.commit();
        }
        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }
}

package dev.ftadvisor.audit;

import dev.ftadvisor.TestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A temporary copy of the project's rules folder that a test edits (the real rules/ stay untouched). */
public final class RulesCopy {
    private RulesCopy() {
    }

    public static Path of(Path tempDir) {
        Path target = tempDir.resolve("rules");
        try (Stream<Path> s = Files.walk(TestSupport.RULES)) {
            for (Path p : s.toList()) {
                Path dest = target.resolve(TestSupport.RULES.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the first occurrence of old with replacement in file, failing when old is absent. */
    public static void edit(Path rules, String file, String old, String replacement) {
        try {
            Path p = rules.resolve(file);
            String text = Files.readString(p);
            if (!text.contains(old)) throw new IllegalStateException(file + " does not contain: " + old);
            Files.writeString(p, text.replace(old, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(Path rules, String file, String text) {
        try {
            Files.writeString(rules.resolve(file), text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line of the first line containing needle. */
    public static int lineOf(Path rules, String file, String needle) {
        try {
            var lines = Files.readAllLines(rules.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) return i + 1;
            }
            throw new IllegalStateException(file + " has no line containing " + needle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

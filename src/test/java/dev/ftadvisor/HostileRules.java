package dev.ftadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile rules corpus (src/test/resources/hostile-rules/CASE/hostile.drl): one folder per way a
 * rule author could try to reach outside the engine. Each payload, if it ever ran, would create
 * target/hostile-markers/CASE (relative to the working directory, the project root under Maven); the
 * file's first line says what a refusal must name. The looping corpus (looping-rules/CASE) holds rules
 * that never end on a 70B proposal, and says which rule a stopped consultation must name.
 */
public final class HostileRules {
    public static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");
    public static final Path LOOPING = Path.of("src/test/resources/looping-rules");
    public static final Path MARKERS = Path.of("target/hostile-markers");

    private HostileRules() {
    }

    public static List<String> cases(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> hostileCases() {
        return cases(HOSTILE);
    }

    public static List<String> loopingCases() {
        return cases(LOOPING);
    }

    /** The value of the "// KEY: value" header line of a case's DRL file. */
    public static boolean hasHeader(Path caseDir, String key) {
        try {
            header(caseDir, key);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public static String header(Path caseDir, String key) {
        try (Stream<Path> files = Files.list(caseDir)) {
            Path drl = files.filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow();
            for (String line : Files.readAllLines(drl)) {
                if (line.startsWith("// " + key + ": ")) return line.substring(key.length() + 5).strip();
            }
            throw new IllegalStateException(drl + " has no '// " + key + ":' line");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a case's payload would leave its mark; the folder is made empty of it first. */
    public static Path marker(String caseName) {
        try {
            Files.createDirectories(MARKERS);
            Path m = MARKERS.resolve(caseName);
            if (Files.isDirectory(m)) Files.delete(m);
            else Files.deleteIfExists(m);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

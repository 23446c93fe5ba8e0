package dev.ftadvisor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user would ({@code java -jar target/ftadvisor.jar ...}). */
final class JarRunner {
    static final Path JAR = Path.of("target", "ftadvisor.jar");

    record Result(int exit, String out, String err) {
    }

    /** The jar's compiled-rules cache ($XDG_CACHE_HOME) for tests: never the user's. */
    static final Path CACHE_HOME = Path.of("target", "it-cache");

    static Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWithCache(CACHE_HOME, workDir, stdin, args);
    }

    static Result runWithCache(Path cacheHome, Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("XDG_CACHE_HOME", cacheHome.toAbsolutePath().toString());
        Path out = Files.createTempFile("ftadvisor-out", ".txt");
        Path err = Files.createTempFile("ftadvisor-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jar did not finish in 120 s: " + cmd);
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(Path.of("."), null, args);
    }

    private JarRunner() {
    }
}

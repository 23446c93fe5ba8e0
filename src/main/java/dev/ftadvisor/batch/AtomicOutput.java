package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The output file, written to a hidden temporary file beside it and moved into place atomically only
 * when the batch is complete. A failure, Ctrl-C (a shutdown hook removes the temporary file) or a
 * crash never leaves a half-written file under the target name; an older file there stays intact.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private final Thread cleanup;
    private boolean done;

    private AtomicOutput(Path target, Path temp) throws IOException {
        this.target = target;
        this.temp = temp;
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
        this.cleanup = new Thread(this::discard, "ftadvisor-batch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public static AtomicOutput open(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException("--out", "folder " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) throw new InputException("--out", target + " is a folder: give a file name");
        sweepStale(abs);
        try {
            Path temp = Files.createTempFile(dir, tempPrefix(abs) + ProcessHandle.current().pid() + ".", ".part");
            permissions(abs, temp);
            return new AtomicOutput(abs, temp);
        } catch (IOException e) {
            throw new InputException("--out", "cannot write in " + dir + ": " + e.getMessage());
        }
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Removes the temporary files that earlier runs for the same output left behind when they were
     * killed (SIGKILL runs no shutdown hook): each names the process that wrote it, and one whose process
     * is gone is deleted. A file of a live run (another batch writing the same output now) is left alone.
     */
    static void sweepStale(Path target) {
        String prefix = tempPrefix(target);
        try (java.util.stream.Stream<Path> files = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !n.endsWith(".part")) continue;
                String rest = n.substring(prefix.length());
                int dot = rest.indexOf('.');
                long pid;
                try {
                    pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
                } catch (NumberFormatException e) {
                    continue; // not one of ours
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover we cannot remove costs disk space, not correctness: the new run goes on
        }
    }

    /** A temporary file is private (600); the result gets the old file's permissions, or rw-r--r--. */
    private static void permissions(Path target, Path temp) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    public Writer writer() { return writer; }

    public Path temp() { return temp; }

    /** Flushes and moves the complete file into place. */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        removeHook();
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (!done) {
            discard();
            removeHook();
        }
    }

    private synchronized void discard() {
        if (done) return;
        try {
            writer.close();
        } catch (IOException ignored) {
            // the file is deleted next anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs and finds nothing to do
        }
    }
}

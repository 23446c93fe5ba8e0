package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalFiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Streams the records of every input, in order, one at a time: a JSON or YAML file is one record, a
 * JSONL file one per non-blank line, a CSV file one per non-blank line after the header, a folder
 * every such file in it (sorted by path, hidden files and folders skipped), and {@code -} stdin, read
 * as JSONL when its first non-blank line starts with {@code &#123;}, else as CSV. Nothing is held beyond
 * the current line, so memory does not grow with the number of records. Nothing is lost either: a
 * file, subfolder or line that cannot be read (permissions, bad encoding, binary, too large, a symbolic
 * link inside a folder) is a record of its own whose parsing fails with the reason.
 */
public final class RecordReader implements Iterator<BatchRecord>, Closeable {
    private final Deque<Entry> pending = new ArrayDeque<>();
    private final InputStream stdin;
    private final List<String> inputs;
    private int nextInput;
    private long seq;
    private LineSource current;
    private BatchRecord next;

    public RecordReader(List<String> inputs, InputStream stdin) {
        this.inputs = List.copyOf(inputs);
        this.stdin = stdin;
        for (String in : inputs) check(in);
    }

    /** Fails before the batch starts for an input that cannot be read at all (exit 2). */
    static void check(String in) {
        if ("-".equals(in)) return;
        Path p = Path.of(in);
        if (!Files.exists(p)) throw new InputException(in, "no such file or folder");
        if (!Files.isDirectory(p) && kindOf(p) == null) {
            throw new InputException(in, "expected a folder or a .json, .yaml, .yml, .jsonl, .ndjson or .csv file");
        }
    }

    enum FileKind { JSON, YAML, JSONL, CSV }

    static FileKind kindOf(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return FileKind.JSONL;
        if (n.endsWith(".json")) return FileKind.JSON;
        if (ProposalFiles.isYaml(n)) return FileKind.YAML;
        if (n.endsWith(".csv")) return FileKind.CSV;
        return null;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current != null) {
                next = current.next();
                if (next != null) break;
                current.close();
                current = null;
            }
            if (!pending.isEmpty()) {
                Entry e = pending.poll();
                current = e.problem() == null ? open(e.path()) : new SingleSource(failed(e.path().toString(), 1, e.problem()));
            } else if (nextInput < inputs.size()) {
                String in = inputs.get(nextInput++);
                if ("-".equals(in)) {
                    current = openStdin();
                } else if (Files.isDirectory(Path.of(in))) {
                    pending.addAll(listFolder(Path.of(in)));
                } else {
                    pending.add(new Entry(Path.of(in), null));
                }
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public BatchRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        BatchRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        if (current != null) current.close();
        current = null;
    }

    /** A file of a folder to read, or one that could not be listed or read and why: its error record. */
    record Entry(Path path, String problem) {
    }

    /**
     * The proposal files of a folder and its subfolders, sorted by path. Hidden files and folders are
     * skipped, as are files of other kinds; a subfolder or file that cannot be read, and a symbolic link
     * (not followed inside a folder, so a folder cannot lead the batch to read files outside it), are
     * entries with their problem, so each becomes an error record and the batch goes on.
     */
    static List<Entry> listFolder(Path dir) {
        List<Entry> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (hidden(f)) return FileVisitResult.CONTINUE;
                    if (attrs.isSymbolicLink()) {
                        out.add(new Entry(f, "symbolic link: not followed inside a folder (give its target as an input to read it)"));
                    } else if (attrs.isRegularFile() && kindOf(f) != null) {
                        out.add(new Entry(f, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    out.add(new Entry(f, "cannot read" + (Files.isDirectory(f) ? " folder" : "") + ": " + ProposalFiles.reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot read folder: " + ProposalFiles.reason(e));
        }
        out.sort(java.util.Comparator.comparing(Entry::path));
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    private BatchRecord failed(String source, int line, String problem) {
        return new BatchRecord(seq++, source, line, ProposalFiles.idFromFileName(source), BatchRecord.Kind.FAILED, problem, null);
    }

    private LineSource open(Path p) {
        String name = p.toString();
        FileKind kind = kindOf(p);
        if (kind == FileKind.JSON || kind == FileKind.YAML) {
            try {
                String text = ProposalFiles.readText(p);
                return new SingleSource(new BatchRecord(seq++, name, 1, ProposalFiles.idFromFileName(name),
                        kind == FileKind.JSON ? BatchRecord.Kind.JSON : BatchRecord.Kind.YAML, text, null));
            } catch (InputException e) {
                return new SingleSource(failed(name, 1, e.getMessage()));
            }
        }
        try {
            ByteLines lines = new ByteLines(Files.newInputStream(p));
            return kind == FileKind.CSV ? new CsvSource(name, lines, null) : new JsonLinesSource(name, lines, null);
        } catch (IOException e) {
            return new SingleSource(failed(name, 1, "cannot read: " + ProposalFiles.reason(e)));
        }
    }

    private LineSource openStdin() {
        ByteLines lines = new ByteLines(stdin);
        try {
            ByteLines.Line line;
            do {
                line = lines.next();
            } while (line != null && line.isBlank());
            if (line == null) return new SingleSource(null);
            return line.problem() == null && !line.text().stripLeading().startsWith("{")
                    ? new CsvSource("<stdin>", lines, line)
                    : new JsonLinesSource("<stdin>", lines, line);
        } catch (IOException e) {
            throw new InputException("<stdin>", "cannot read: " + ProposalFiles.reason(e));
        }
    }

    /** The records of one input, one at a time; {@code null} at the end. */
    private interface LineSource {
        BatchRecord next();

        default void close() {
        }
    }

    private static final class SingleSource implements LineSource {
        private BatchRecord record;

        SingleSource(BatchRecord record) {
            this.record = record;
        }

        @Override
        public BatchRecord next() {
            BatchRecord r = record;
            record = null;
            return r;
        }
    }

    /** Lines of a text input: the blank ones are not records; one that cannot be read is an error record. */
    private abstract class TextSource implements LineSource {
        final String name;
        final String base;
        final ByteLines lines;
        ByteLines.Line pushedBack;
        boolean broken;

        TextSource(String name, ByteLines lines, ByteLines.Line firstLine) {
            this.name = name;
            this.base = ProposalFiles.idFromFileName("<stdin>".equals(name) ? "-" : name);
            this.lines = lines;
            this.pushedBack = firstLine;
        }

        /** The next non-blank line; a read failure ends the input with one error record naming the line. */
        ByteLines.Line nextLine() {
            if (broken) return null;
            try {
                ByteLines.Line line;
                do {
                    if (pushedBack != null) {
                        line = pushedBack;
                        pushedBack = null;
                    } else {
                        line = lines.next();
                    }
                } while (line != null && line.isBlank());
                return line;
            } catch (IOException e) {
                broken = true;
                return new ByteLines.Line(-1, null, "cannot read further: " + ProposalFiles.reason(e));
            }
        }

        BatchRecord failedLine(ByteLines.Line line) {
            return failed(name, Math.max(line.number(), 1), line.problem());
        }

        @Override
        public void close() {
            try {
                if (!"<stdin>".equals(name)) lines.close();
            } catch (IOException ignored) {
                // read to the end already: nothing left to lose
            }
        }
    }

    private final class JsonLinesSource extends TextSource {
        JsonLinesSource(String name, ByteLines lines, ByteLines.Line firstLine) {
            super(name, lines, firstLine);
        }

        @Override
        public BatchRecord next() {
            ByteLines.Line line = nextLine();
            if (line == null) return null;
            if (line.problem() != null) return failedLine(line);
            return new BatchRecord(seq++, name, line.number(), base + "-" + line.number(), BatchRecord.Kind.JSON, line.text(), null);
        }
    }

    private final class CsvSource extends TextSource {
        private CsvMapping mapping;

        CsvSource(String name, ByteLines lines, ByteLines.Line firstLine) {
            super(name, lines, firstLine);
        }

        @Override
        public BatchRecord next() {
            if (mapping == null) {
                ByteLines.Line header = nextLine();
                if (header == null) return null;
                mapping = CsvMapping.of(header.problem() == null ? header.text() : "");
                if (header.problem() != null) return failedLine(header);
            }
            ByteLines.Line line = nextLine();
            if (line == null) return null;
            if (line.problem() != null) return failedLine(line);
            return new BatchRecord(seq++, name, line.number(), base + "-" + line.number(), BatchRecord.Kind.CSV_ROW, line.text(), mapping);
        }
    }

    /** Counts the records of file inputs (for the progress bar's ETA); -1 when stdin is among them. */
    public static long count(List<String> inputs) {
        long n = 0;
        List<Entry> files = new ArrayList<>();
        for (String in : inputs) {
            if ("-".equals(in)) return -1;
            Path p = Path.of(in);
            if (Files.isDirectory(p)) files.addAll(listFolder(p));
            else files.add(new Entry(p, null));
        }
        for (Entry e : files) {
            FileKind k = kindOf(e.path());
            if (e.problem() != null || k == FileKind.JSON || k == FileKind.YAML) {
                n++;
                continue;
            }
            try (java.io.InputStream in = Files.newInputStream(e.path())) {
                ByteLines lines = new ByteLines(in);
                long c = 0;
                for (ByteLines.Line l = lines.next(); l != null; l = lines.next()) {
                    if (!l.isBlank()) c++;
                }
                n += k == FileKind.CSV ? Math.max(0, c - 1) : c;
            } catch (IOException ex) {
                n++;
            }
        }
        return n;
    }
}

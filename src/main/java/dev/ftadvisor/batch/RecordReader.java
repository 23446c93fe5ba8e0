package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalFiles;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Streams the records of every input, in order, one at a time: a JSON or YAML file is one record, a
 * JSONL file one per non-blank line, a CSV file one per non-blank line after the header, a folder
 * every such file in it (sorted by path, hidden files skipped), and {@code -} stdin, read as JSONL when
 * its first non-blank line starts with {@code &#123;}, else as CSV. Nothing is held beyond the current
 * line, so memory does not grow with the number of records.
 */
public final class RecordReader implements Iterator<BatchRecord>, Closeable {
    private final Deque<Path> pending = new ArrayDeque<>();
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
                current = open(pending.poll());
            } else if (nextInput < inputs.size()) {
                String in = inputs.get(nextInput++);
                if ("-".equals(in)) {
                    current = openStdin();
                } else if (Files.isDirectory(Path.of(in))) {
                    pending.addAll(listFolder(Path.of(in)));
                } else {
                    pending.add(Path.of(in));
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

    static List<Path> listFolder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> kindOf(p) != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot read folder: " + e.getMessage());
        }
    }

    private LineSource open(Path p) {
        String name = p.toString();
        FileKind kind = kindOf(p);
        try {
            if (kind == FileKind.JSON || kind == FileKind.YAML) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                BatchRecord r = new BatchRecord(seq++, name, 1, ProposalFiles.idFromFileName(name),
                        kind == FileKind.JSON ? BatchRecord.Kind.JSON : BatchRecord.Kind.YAML, text, null);
                return new SingleSource(r);
            }
            // a decoder that replaces bad bytes: a corrupt line spoils only itself, not the file
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8), 1 << 16);
            return kind == FileKind.CSV ? new CsvSource(name, reader, null, 0) : new JsonLinesSource(name, reader, null, 0);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    private LineSource openStdin() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        try {
            String line;
            int lineNo = 0;
            do {
                line = reader.readLine();
                lineNo++;
            } while (line != null && line.isBlank());
            if (line == null) return new SingleSource(null);
            return line.stripLeading().startsWith("{")
                    ? new JsonLinesSource("<stdin>", reader, line, lineNo)
                    : new CsvSource("<stdin>", reader, line, lineNo);
        } catch (IOException e) {
            throw new InputException("<stdin>", "cannot read: " + e.getMessage());
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

    /** Lines of a text file: the blank ones are not records. */
    private abstract class TextSource implements LineSource {
        final String name;
        final String base;
        final BufferedReader reader;
        String firstLine;
        int lineNo;

        TextSource(String name, BufferedReader reader, String firstLine, int firstLineNo) {
            this.name = name;
            this.base = ProposalFiles.idFromFileName("<stdin>".equals(name) ? "-" : name);
            this.reader = reader;
            this.firstLine = firstLine;
            this.lineNo = firstLine == null ? 0 : firstLineNo - 1;
        }

        String nextLine() {
            try {
                String line;
                do {
                    if (firstLine != null) {
                        line = firstLine;
                        firstLine = null;
                    } else {
                        line = reader.readLine();
                    }
                    lineNo++;
                } while (line != null && line.isBlank());
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (!"<stdin>".equals(name)) reader.close();
            } catch (IOException ignored) {
                // read to the end already: nothing left to lose
            }
        }
    }

    private final class JsonLinesSource extends TextSource {
        JsonLinesSource(String name, BufferedReader reader, String firstLine, int firstLineNo) {
            super(name, reader, firstLine, firstLineNo);
        }

        @Override
        public BatchRecord next() {
            String line = nextLine();
            return line == null ? null
                    : new BatchRecord(seq++, name, lineNo, base + "-" + lineNo, BatchRecord.Kind.JSON, line, null);
        }
    }

    private final class CsvSource extends TextSource {
        private CsvMapping mapping;

        CsvSource(String name, BufferedReader reader, String firstLine, int firstLineNo) {
            super(name, reader, firstLine, firstLineNo);
        }

        @Override
        public BatchRecord next() {
            if (mapping == null) {
                String header = nextLine();
                if (header == null) return null;
                mapping = CsvMapping.of(header);
            }
            String line = nextLine();
            return line == null ? null
                    : new BatchRecord(seq++, name, lineNo, base + "-" + lineNo, BatchRecord.Kind.CSV_ROW, line, mapping);
        }
    }

    /** Counts the records of file inputs (for the progress bar's ETA); -1 when stdin is among them. */
    public static long count(List<String> inputs) {
        long n = 0;
        List<Path> files = new ArrayList<>();
        for (String in : inputs) {
            if ("-".equals(in)) return -1;
            Path p = Path.of(in);
            if (Files.isDirectory(p)) files.addAll(listFolder(p));
            else files.add(p);
        }
        for (Path p : files) {
            FileKind k = kindOf(p);
            if (k == FileKind.JSON || k == FileKind.YAML) {
                n++;
                continue;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8))) {
                long c = r.lines().filter(l -> !l.isBlank()).count();
                n += k == FileKind.CSV ? Math.max(0, c - 1) : c;
            } catch (IOException | UncheckedIOException e) {
                return -1;
            }
        }
        return n;
    }
}

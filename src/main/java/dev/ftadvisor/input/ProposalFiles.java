package dev.ftadvisor.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one proposal from a file (JSON or YAML by extension) or from stdin ("-", format sniffed). */
public final class ProposalFiles {
    private ProposalFiles() {
    }

    public static ProposalInput read(String source, InputStream stdin) {
        if ("-".equals(source)) {
            try {
                String text = ProposalText.decode(readCapped(stdin));
                return ProposalReader.read(text, !looksLikeJson(text));
            } catch (IOException e) {
                throw new InputException("<stdin>", "cannot read: " + e.getMessage());
            } catch (InputException e) {
                throw e.in("<stdin>");
            }
        }
        try {
            return ProposalReader.read(readText(Path.of(source)), isYaml(source));
        } catch (InputException e) {
            throw e.in(source);
        }
    }

    /**
     * The text of a proposal file: its size checked before it is read, its bytes decoded as
     * {@link ProposalText} does. Every failure is one line naming the file.
     */
    public static String readText(Path path) {
        try {
            if (Files.isDirectory(path)) throw new InputException("", "is a folder: expected a .json or .yaml file");
            long size = Files.size(path);
            if (size > ProposalText.MAX_BYTES) {
                throw new InputException("", String.format(java.util.Locale.ROOT, "too large: %,d bytes, a proposal is at most %,d", size, ProposalText.MAX_BYTES));
            }
            return ProposalText.decode(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new InputException("", "no such file");
        } catch (IOException e) {
            throw new InputException("", "cannot read: " + reason(e));
        }
    }

    /** An I/O failure in words, without the path the caller already names. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.FileSystemLoopException) return "folder loop";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** All of a stream, refusing it as soon as it passes the size limit (stdin has no size to ask). */
    static byte[] readCapped(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(ProposalText.MAX_BYTES + 1);
        if (bytes.length > ProposalText.MAX_BYTES) {
            throw new InputException("", String.format(java.util.Locale.ROOT, "too large: more than %,d bytes, a proposal is at most %,d", ProposalText.MAX_BYTES, ProposalText.MAX_BYTES));
        }
        return bytes;
    }

    public static boolean isYaml(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    /** A default proposal id from a file name: its base name without extension. */
    public static String idFromFileName(String source) {
        if ("-".equals(source)) return "stdin";
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

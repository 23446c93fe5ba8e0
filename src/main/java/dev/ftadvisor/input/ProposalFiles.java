package dev.ftadvisor.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one proposal from a file (JSON or YAML by extension) or from stdin ("-", format sniffed). */
public final class ProposalFiles {
    private ProposalFiles() {
    }

    public static ProposalInput read(String source, InputStream stdin) {
        if ("-".equals(source)) {
            String text;
            try {
                text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException("<stdin>", "cannot read: " + e.getMessage());
            }
            try {
                return ProposalReader.read(text, !looksLikeJson(text));
            } catch (InputException e) {
                throw e.in("<stdin>");
            }
        }
        Path path = Path.of(source);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "no such file");
        } catch (IOException e) {
            throw new InputException(source, "cannot read: " + e.getMessage());
        }
        try {
            return ProposalReader.read(text, isYaml(source));
        } catch (InputException e) {
            throw e.in(source);
        }
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

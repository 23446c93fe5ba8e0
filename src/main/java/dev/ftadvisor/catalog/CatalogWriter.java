package dev.ftadvisor.catalog;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ftadvisor.facts.CatalogException;
import dev.ftadvisor.facts.CatalogLoader;
import dev.ftadvisor.io.ResourceFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checks a new instances catalog the way the advisor will load it, then writes it atomically.
 *
 * <p>Check: the facts folder is copied to a temporary folder with the new instances.json and loaded with
 * {@link CatalogLoader} (every JSON Schema, unique ids, every GPU known). Write: the old file is kept as
 * {@code instances.json.<its asOf>.bak} (a {@code -2}, {@code -3} ... suffix when that name is taken),
 * the new text goes to a temporary file in the same folder, which is then moved over instances.json
 * (an atomic move where the file system has one). A failure leaves instances.json as it was.
 */
public final class CatalogWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CatalogWriter() {
    }

    /** The file's text as the catalog is kept: two-space indent, {@code "key": value}, UTF-8 (no \\u escapes). */
    public static String text(JsonNode root) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the facts folder with this instances text in place of its own; a problem is a CatalogException. */
    public static void check(Path factsDir, String instancesText) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("ftadvisor-catalog-check");
            Path schema = Files.createDirectories(tmp.resolve("schema"));
            try (Stream<Path> files = Files.list(factsDir)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                    Files.copy(f, tmp.resolve(f.getFileName().toString()));
                }
            }
            try (Stream<Path> files = Files.list(factsDir.resolve("schema"))) {
                for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, schema.resolve(f.getFileName().toString()));
            }
            Files.writeString(tmp.resolve("instances.json"), instancesText, StandardCharsets.UTF_8);
            try {
                new CatalogLoader(ResourceFolder.ofDirectory(tmp), true).load();
            } catch (CatalogException e) {
                throw new CatalogException("the updated catalog fails its checks, nothing written: "
                        + e.getMessage().replace(tmp.toString(), factsDir.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the updated catalog: " + e.getMessage() + "; nothing written", e);
        } finally {
            if (tmp != null) delete(tmp);
        }
    }

    /** Keeps the old file as a backup and moves the new text over it; returns the backup's path. */
    public static Path write(Path file, String text, String oldAsOf) {
        try {
            Path backup = file.resolveSibling(file.getFileName() + "." + (oldAsOf.isEmpty() ? "old" : oldAsOf) + ".bak");
            for (int n = 2; Files.exists(backup); n++) {
                backup = file.resolveSibling(file.getFileName() + "." + (oldAsOf.isEmpty() ? "old" : oldAsOf) + "-" + n + ".bak");
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage() + " (the old file is unchanged)", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}

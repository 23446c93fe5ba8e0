package dev.ftadvisor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of text files (rules or facts) read at run time: a directory on disk, or the copy bundled
 * in the jar. Files are listed in a stable order (by relative path) so hashes and reports repeat.
 */
public final class ResourceFolder {
    private final Path root;
    private final String label;

    private ResourceFolder(Path root, String label) {
        this.root = root;
        this.label = label;
    }

    public static ResourceFolder ofDirectory(Path dir) {
        return new ResourceFolder(dir.toAbsolutePath().normalize(), dir.toString());
    }

    /**
     * The folder given explicitly, else {@code ./name} when the working directory has one, else the
     * copy bundled in the jar under {@code name/}.
     */
    public static ResourceFolder resolve(Path explicit, String name) {
        if (explicit != null) {
            if (!Files.isDirectory(explicit)) {
                throw new java.io.UncheckedIOException("--" + name + " " + explicit + ": not a directory",
                        new java.nio.file.NotDirectoryException(explicit.toString()));
            }
            return ofDirectory(explicit);
        }
        Path local = Path.of(name);
        if (Files.isDirectory(local)) {
            return ofDirectory(local);
        }
        return bundled(name);
    }

    public static ResourceFolder bundled(String name) {
        URL url = ResourceFolder.class.getClassLoader().getResource(name + "/");
        if (url == null) {
            url = ResourceFolder.class.getClassLoader().getResource(name);
        }
        if (url == null) {
            throw new IllegalStateException("no bundled '" + name + "' folder in the jar");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return new ResourceFolder(fs.getPath("/" + name), "(bundled) " + name);
            }
            return new ResourceFolder(Path.of(uri), "(bundled) " + name);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open bundled '" + name + "': " + e.getMessage(), e);
        }
    }

    public Path root() { return root; }

    /** How to name the folder to a user. */
    public String label() { return label; }

    public boolean isBundled() { return label.startsWith("(bundled)"); }

    /** Relative paths (with '/') of the files whose name ends with suffix, sorted. */
    public List<String> list(String suffix) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public boolean exists(String relative) {
        return Files.isRegularFile(root.resolve(relative));
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + display(relative) + ": " + e.getMessage(), e);
        }
    }

    /** A path as a user should see it in a message: relative to the folder they named. */
    public String display(String relative) {
        String base = isBundled() ? label.substring("(bundled) ".length()) : label;
        return base.endsWith("/") ? base + relative : base + "/" + relative;
    }
}

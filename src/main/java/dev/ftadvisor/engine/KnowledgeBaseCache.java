package dev.ftadvisor.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiled rules folders kept on disk, one file per rules content hash under a folder per engine
 * version: {@code $XDG_CACHE_HOME/ftadvisor/<engine-version>/<hash>.kb} (default {@code ~/.cache}).
 * An entry is used only if its checksum holds and it names the same rules hash and engine version;
 * anything else is deleted and rebuilt, never trusted. Entries are written to a temporary file and
 * moved into place, so a reader never sees half an entry and two processes may race safely.
 * A cache that cannot be written only costs speed: the run goes on with a warning.
 */
public final class KnowledgeBaseCache {
    /** Overrides the cache folder (tests, or a shared location). */
    public static final String DIR_PROPERTY = "ftadvisor.cache.dir";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseCache.class);

    private final Path dir;
    private final String engineVersion;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger discarded = new AtomicInteger();

    public KnowledgeBaseCache(Path dir, String engineVersion) {
        this.dir = dir;
        this.engineVersion = engineVersion;
    }

    /** The user's cache: {@value #DIR_PROPERTY}, else $XDG_CACHE_HOME/ftadvisor, else ~/.cache/ftadvisor. */
    public static KnowledgeBaseCache standard() {
        return new KnowledgeBaseCache(defaultDir(), EngineVersion.current());
    }

    static Path defaultDir() {
        String explicit = System.getProperty(DIR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ftadvisor");
    }

    public Path entry(String rulesVersion) {
        return dir.resolve(safe(engineVersion)).resolve(safe(rulesVersion.replace("sha256:", "")) + ".kb");
    }

    /** The entry for this rules hash if there is a sound one; a damaged or foreign one is removed. */
    public Optional<CompiledRules> get(String rulesVersion) {
        Path file = entry(rulesVersion);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            CompiledRules c = CompiledRules.fromBytes(Files.readAllBytes(file));
            if (!c.rulesVersion().equals(rulesVersion) || !c.engineVersion().equals(engineVersion)) {
                throw new CompiledRules.CorruptEntryException("built for rules " + c.rulesVersion() + " by engine "
                        + c.engineVersion());
            }
            hits.incrementAndGet();
            return Optional.of(c);
        } catch (IOException | RuntimeException e) {
            discard(rulesVersion, e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes an entry that could not be used, saying why on stderr. */
    public void discard(String rulesVersion, String why) {
        Path file = entry(rulesVersion);
        discarded.incrementAndGet();
        LOG.warn("compiled rules cache entry {} is unusable ({}): rebuilding it", file, why);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    public void put(CompiledRules compiled) {
        Path file = entry(compiled.rulesVersion());
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, compiled.toBytes());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the compiled rules cache entry {}: {}", file, e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray .tmp file is never read as an entry
                }
            }
        }
    }

    /** Entries read and found sound, since this cache object was made. */
    public int hits() { return hits.get(); }

    /** Entries found damaged, foreign or unloadable and removed. */
    public int discarded() { return discarded.get(); }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

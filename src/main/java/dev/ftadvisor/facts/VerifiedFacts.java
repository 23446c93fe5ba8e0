package dev.ftadvisor.facts;

import dev.ftadvisor.io.ResourceFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Start-up trimming: the build loads the facts folder with every schema check and records its
 * content hash in the jar ({@value #PROPERTIES}, key {@code facts}). A facts folder with that exact
 * content (the bundled one, or an unedited copy) was already found valid, so loading it skips the
 * JSON Schema pass, which costs a few hundred milliseconds at start. Any edit changes the hash and
 * brings the schema checks back. The checks a schema cannot express always run.
 */
public final class VerifiedFacts {
    public static final String PROPERTIES = "ftadvisor-kb/engine.properties";

    private VerifiedFacts() {
    }

    /** SHA-256 over the catalog and schema files (relative path and bytes), in path order. */
    public static String hash(ResourceFolder folder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> files = folder.list(".json").stream()
                    .filter(f -> !f.contains("/") || f.startsWith("schema/")).toList();
            for (String f : files) {
                md.update(f.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(folder.read(f).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the folder's content is the one the build validated. */
    public static boolean isVerified(ResourceFolder folder) {
        Properties p = new Properties();
        try (InputStream in = VerifiedFacts.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
            if (in == null) return false;
            p.load(in);
        } catch (IOException e) {
            return false;
        }
        String verified = p.getProperty("facts");
        return verified != null && verified.equals(hash(folder));
    }
}

package dev.ftadvisor.engine;

import dev.ftadvisor.io.ResourceFolder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of a rules folder: SHA-256 over every .drl file's relative path and text, in
 * path order. Reported as "sha256:" plus the first 16 hex digits, so it is stable across machines
 * and changes with any edit to a rule.
 */
public final class RulesVersion {
    private RulesVersion() {
    }

    public static String of(ResourceFolder folder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>(folder.list(".drl"));
            // the named thresholds decide as much as the conditions that read them
            if (folder.exists(ThresholdsFile.FILE)) files.add(ThresholdsFile.FILE);
            for (String file : files) {
                md.update(file.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(folder.read(file).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

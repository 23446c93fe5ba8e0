package dev.ftadvisor.engine;

import dev.ftadvisor.facts.CatalogException;
import dev.ftadvisor.facts.CatalogLoader;
import dev.ftadvisor.facts.VerifiedFacts;
import dev.ftadvisor.io.ResourceFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (Maven prepare-package): compiles whatever the rules folder holds with the executable
 * model and writes the result into the classes folder, so the jar carries its rules precompiled
 * ({@link BundledRules}). Also fingerprints ftadvisor's compiled classes: generated rule code links
 * against the fact classes, so an entry is only reused by the exact build that wrote it.
 * <p>Usage: {@code Precompiler RULES_DIR FACTS_DIR CLASSES_DIR}. A rules folder that does not compile
 * fails the build with the same file:line:col messages the CLI prints. The facts folder is loaded
 * with every schema check and its hash recorded ({@link VerifiedFacts}); invalid facts fail the build.
 */
public final class Precompiler {
    private Precompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Precompiler RULES_DIR FACTS_DIR CLASSES_DIR");
            System.exit(2);
        }
        Path rules = Path.of(args[0]);
        ResourceFolder facts = ResourceFolder.ofDirectory(Path.of(args[1]));
        Path classes = Path.of(args[2]);
        try {
            new CatalogLoader(facts, true).load();
        } catch (CatalogException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        long start = System.nanoTime();
        String fingerprint = fingerprint(classes);
        String engineVersion = EngineVersion.base() + "-" + fingerprint;
        ResourceFolder folder = ResourceFolder.ofDirectory(rules);
        String rulesVersion = RulesVersion.of(folder);
        CompiledRules compiled;
        try {
            CompiledRules built = RuleCompiler.compileModule(folder, rulesVersion);
            compiled = new CompiledRules(engineVersion, rulesVersion, built.rules(), built.kjar());
        } catch (RulesCompileException e) {
            System.err.println(e.getMessage());
            System.exit(3);
            return;
        }
        Path entry = classes.resolve(BundledRules.ENTRY);
        Files.createDirectories(entry.getParent());
        Files.write(entry, compiled.toBytes());
        Files.writeString(classes.resolve(EngineVersion.PROPERTIES), "# written by the build: see Precompiler\n"
                + "engine=" + engineVersion + "\nfingerprint=" + fingerprint + "\nrules=" + rulesVersion + "\nfacts=" + VerifiedFacts.hash(facts) + "\n",
                StandardCharsets.ISO_8859_1);
        System.out.printf("precompiled %d rules (%s) for engine %s in %d ms: %s%n", compiled.rules().size(),
                rulesVersion, engineVersion, (System.nanoTime() - start) / 1_000_000, entry);
        System.exit(0);
    }

    /** SHA-256 over every .class file (path and bytes) under the classes folder, first 12 hex digits. */
    static String fingerprint(Path classes) throws IOException {
        try (Stream<Path> s = Files.walk(classes)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files) {
                md.update(classes.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

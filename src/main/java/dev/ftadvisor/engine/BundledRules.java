package dev.ftadvisor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The rules folder as it was when the jar was built, compiled at build time by {@link Precompiler}
 * into {@value #ENTRY}. A rules folder with the same content hash (the bundled one, or an unedited
 * copy on disk) loads from it and compiles nothing.
 */
public final class BundledRules {
    public static final String ENTRY = "ftadvisor-kb/bundled.kb";
    /** "false" ignores the precompiled rules (unit tests: target/classes may hold a previous build's). */
    public static final String ENABLED_PROPERTY = "ftadvisor.precompiled";

    private BundledRules() {
    }

    /** The precompiled rules if the jar has some for this rules hash and this engine version. */
    public static Optional<CompiledRules> matching(String rulesVersion) {
        if ("false".equals(System.getProperty(ENABLED_PROPERTY))) return Optional.empty();
        Properties p = new Properties();
        try (InputStream in = resource(EngineVersion.PROPERTIES)) {
            if (in == null) return Optional.empty();
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        // the properties name the bundled rules hash: skip reading the entry when it cannot match
        if (!rulesVersion.equals(p.getProperty("rules"))) return Optional.empty();
        try (InputStream in = resource(ENTRY)) {
            if (in == null) return Optional.empty();
            CompiledRules c = CompiledRules.fromBytes(in.readAllBytes());
            if (!c.rulesVersion().equals(rulesVersion) || !c.engineVersion().equals(EngineVersion.current())) {
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (IOException | CompiledRules.CorruptEntryException e) {
            return Optional.empty();
        }
    }

    private static InputStream resource(String name) {
        return BundledRules.class.getClassLoader().getResourceAsStream(name);
    }
}

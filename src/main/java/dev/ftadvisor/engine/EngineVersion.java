package dev.ftadvisor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What a compiled knowledge base depends on besides the rule files: ftadvisor's version, the Drools
 * version, and a fingerprint of ftadvisor's own classes (the fact classes the generated rule code
 * links against). The build writes the fingerprint next to the precompiled rules; a run from
 * unpackaged classes (tests, IDE) has none and uses "dev". Cache entries are kept per engine version,
 * so a new build never reads an entry an older one wrote.
 */
public final class EngineVersion {
    /** Written by {@link Precompiler} at build time. */
    public static final String PROPERTIES = "ftadvisor-kb/engine.properties";
    private static volatile String current;

    private EngineVersion() {
    }

    public static String current() {
        String v = current;
        if (v == null) {
            Properties version = load("dev/ftadvisor/version.properties");
            Properties engine = load(PROPERTIES);
            v = base(version) + "-" + engine.getProperty("fingerprint", "dev");
            current = v;
        }
        return v;
    }

    /** ftadvisor and Drools versions, without the class fingerprint. */
    static String base() {
        return base(load("dev/ftadvisor/version.properties"));
    }

    private static String base(Properties version) {
        return version.getProperty("version", "dev") + "-drools" + version.getProperty("drools", "unknown");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = EngineVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // no properties: the defaults name a development build
        }
        return p;
    }
}

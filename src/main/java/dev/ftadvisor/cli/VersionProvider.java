package dev.ftadvisor.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: ftadvisor's version and the Drools version it embeds. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/ftadvisor/version.properties")) {
            if (in != null) p.load(in);
        }
        return new String[]{"ftadvisor " + p.getProperty("version", "dev") + " (Drools " + p.getProperty("drools", "?")
                + ", Java " + System.getProperty("java.version") + ")"};
    }
}

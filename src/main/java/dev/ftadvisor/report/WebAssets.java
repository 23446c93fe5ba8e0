package dev.ftadvisor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The scripts and styles an HTML report inlines (uPlot from its webjar, the plot and report styles
 * from /web), read once from the classpath so a report and the web page work with no network.
 */
public final class WebAssets {
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    public static final String UPLOT_JS;
    public static final String UPLOT_CSS;
    public static final String PLOT_JS = read("/web/plot.js");
    public static final String REPORT_CSS = read("/web/report.css");

    static {
        String version = uplotVersion();
        String base = "/META-INF/resources/webjars/uplot/" + version + "/dist/";
        UPLOT_JS = read(base + "uPlot.iife.min.js");
        UPLOT_CSS = read(base + "uPlot.min.css");
    }

    private WebAssets() {
    }

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = WebAssets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) throw new IllegalStateException("uPlot webjar missing from the classpath: " + UPLOT_POM);
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    public static String read(String resource) {
        try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

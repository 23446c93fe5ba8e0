package dev.ftadvisor.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Test support shared with the catalog package's tests. */
public final class CatalogUpdateCommandTestSupport {
    private CatalogUpdateCommandTestSupport() {
    }

    /** The project's facts folder copied to {@code to}, with the fixture instances.json of the feed excerpts. */
    public static void copyFacts(Path to) throws IOException {
        CatalogUpdateCommandTest.copyFacts(to);
    }
}

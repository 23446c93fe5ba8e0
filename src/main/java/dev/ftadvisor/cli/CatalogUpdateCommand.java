package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.catalog.CatalogUpdate;
import dev.ftadvisor.catalog.CatalogWriter;
import dev.ftadvisor.catalog.CheckRules;
import dev.ftadvisor.catalog.FeedFetcher;
import dev.ftadvisor.catalog.FeedInput;
import dev.ftadvisor.catalog.FeedResult;
import dev.ftadvisor.catalog.PriceFeed;
import dev.ftadvisor.catalog.PriceFeeds;
import dev.ftadvisor.catalog.UpdatePlan;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.facts.CatalogException;
import dev.ftadvisor.facts.CatalogLoader;
import dev.ftadvisor.io.ResourceFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code catalog update}: refreshes instance prices from the providers' public price feeds (docs/catalog.md). */
@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Refresh the prices in facts/instances.json from the providers' public price feeds (no credentials).",
                "Curated specs are kept; every refreshed price is checked (facts/catalog-checks.json) before an atomic",
                "write that keeps the old file as instances.json.<asOf>.bak. Exit 1 when the checks refused a row.",
                "See docs/catalog.md."})
public final class CatalogUpdateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "URL|FILE",
            description = "A feed to read (repeatable): an http(s) URL or a local file.")
    List<String> from;

    @Option(names = "--source", paramLabel = "FORMAT",
            description = "Force the format of every --from: aws, azure, skypilot-gcp, skypilot-lambda, skypilot-aws, gpuhunt"
                    + " (default: told from the content).")
    String source;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "For a gpuhunt catalog whose file name does not say: aws, azure, gcp or lambdalabs.")
    String provider;

    @Option(names = "--dry-run", description = "Print the diff; write nothing.")
    boolean dryRun;

    @Option(names = "--add-regions", description = "Add a row (specs copied) for the cheapest feed region of each region"
            + " group a catalog type has no row in.")
    boolean addRegions;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date the prices are recorded as read (default: today).")
    String asOf;

    @Option(names = "--facts", paramLabel = "DIR", description = "Facts folder to update (default: ./facts).")
    Path facts;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String date = asOf == null ? LocalDate.now().toString() : checkedDate(asOf);
        ResourceFolder folder = ResourceFolder.resolve(facts, "facts");
        if (folder.root().getFileSystem() != FileSystems.getDefault()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "catalog update writes a facts folder on disk: give --facts DIR (or run where ./facts exists)");
        }
        Path dir = folder.root();
        Catalog catalog = new CatalogLoader(folder).load();
        CheckRules rules = CheckRules.load(folder);
        FeedFetcher fetcher = FeedFetcher.standard();
        List<FeedResult> feeds = new ArrayList<>();
        for (String f : from) {
            FeedInput in = FeedInput.of(f, fetcher);
            PriceFeed feed = source != null ? PriceFeeds.byId(source, provider) : PriceFeeds.detect(in, provider);
            try {
                feeds.add(feed.read(in));
            } catch (UncheckedIOException | dev.ftadvisor.input.InputException e) {
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage() + "; nothing changed", e);
            }
        }
        JsonNode tree = new ObjectMapper().readTree(folder.read("instances.json"));
        if (!(tree instanceof ObjectNode root)) {
            throw new CatalogException(folder.display("instances.json") + ": expected a JSON object");
        }
        UpdatePlan plan = new CatalogUpdate(catalog, rules, date, addRegions).apply(root, feeds);
        PrintWriter out = spec.commandLine().getOut();
        plan.print(out, folder.display("instances.json"), dryRun);
        if (plan.changed()) {
            String text = CatalogWriter.text(plan.result());
            CatalogWriter.check(dir, text);
            if (!dryRun) {
                Path backup = CatalogWriter.write(dir.resolve("instances.json"), text, root.path("asOf").asText(""));
                out.printf("written: %s (the old file is kept as %s)%n", dir.resolve("instances.json"), backup.getFileName());
            }
        } else if (!dryRun) {
            out.println("nothing to write: no price changed");
        }
        out.flush();
        return plan.refusals().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_RECORDS;
    }

    private String checkedDate(String s) {
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as-of: expected a date YYYY-MM-DD, got '" + s + "'");
        }
    }
}

package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The importers, and format detection: a feed's first bytes (and, for CSVs whose columns do not say
 * which cloud they price, its path) tell which importer reads it; {@code --source} forces one.
 */
public final class PriceFeeds {
    public static final List<String> IDS =
            List.of("aws", "azure", "skypilot-gcp", "skypilot-lambda", "skypilot-aws", "gpuhunt");

    private PriceFeeds() {
    }

    public static PriceFeed byId(String id, String gpuhuntProvider) {
        return switch (id) {
            case "aws" -> new AwsOfferFileFeed();
            case "azure" -> new AzureRetailFeed();
            case "skypilot-gcp" -> new SkyPilotCsvFeed("gcp");
            case "skypilot-lambda" -> new SkyPilotCsvFeed("lambda");
            case "skypilot-aws" -> new SkyPilotCsvFeed("aws");
            case "gpuhunt" -> new GpuhuntCsvFeed(gpuhuntProvider);
            default -> throw new InputException("", "--source: expected one of " + String.join(", ", IDS)
                    + ", got '" + id + "'");
        };
    }

    /** The importer for this input, from its content (and path). */
    public static PriceFeed detect(FeedInput in, String gpuhuntProvider) throws IOException {
        String head;
        try (InputStream s = in.open()) {
            head = new String(s.readNBytes(8192), StandardCharsets.UTF_8);
        }
        String id = detect(head, in.where());
        if (id == null) {
            throw new InputException("", "--from " + in.where() + ": cannot tell the feed format from its"
                    + " content (expected an AWS offer file, Azure retail prices JSON, a SkyPilot or gpuhunt CSV);"
                    + " give --source " + String.join("|", IDS));
        }
        return byId(id, gpuhuntProvider);
    }

    static String detect(String head, String where) {
        String h = head.stripLeading();
        if (h.startsWith("{")) {
            if (h.contains("\"offerCode\"") || h.contains("\"products\"")) return "aws";
            if (h.contains("\"Items\"") || h.contains("\"BillingCurrency\"")) return "azure";
            return null;
        }
        String header = h.lines().findFirst().orElse("");
        if (header.startsWith("instance_name,location,price")) return "gpuhunt";
        if (header.startsWith("InstanceType,")) {
            String path = where.replace('\\', '/').toLowerCase(Locale.ROOT);
            for (String p : List.of("gcp", "lambda", "aws")) {
                if (path.contains("/" + p + "/")) return "skypilot-" + p;
            }
            if (!header.contains("AvailabilityZone")) return "skypilot-lambda";
            return header.startsWith("InstanceType,vCPUs,MemoryGiB,AcceleratorName") ? "skypilot-gcp" : "skypilot-aws";
        }
        return null;
    }
}

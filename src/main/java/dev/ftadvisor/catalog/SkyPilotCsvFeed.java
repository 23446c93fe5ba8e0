package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SkyPilot's catalog CSVs (github.com/skypilot-org/skypilot-catalog, {@code catalogs/v8/<cloud>/vms.csv};
 * v7 and v9 alike),
 * columns read by header name. USD per hour throughout.
 *
 * <ul>
 *   <li>{@code gcp}: a machine-type row ({@code InstanceType} set) prices the host only (vCPUs and
 *   memory); the GPUs are separate rows with an empty {@code InstanceType}, an {@code AcceleratorName}
 *   and an {@code AcceleratorCount}, whose Price is for that many GPUs. The update adds the host price
 *   of a type to the price of the catalog row's GPU x count in the same region (never a host price
 *   alone, never a per-GPU price as an instance price). Rows are per zone: the lowest per region is
 *   taken. TPU rows are ignored.</li>
 *   <li>{@code lambda}: one on-demand price per instance type and region (no spot market).</li>
 *   <li>{@code aws}: the spot price only (on-demand and reserved come from the AWS offer file). Rows are
 *   per Availability Zone: the lowest spot price among the region's ordinary AZs (ids like
 *   {@code use1-az4}) is taken; Local Zone and Wavelength AZs (e.g. {@code use1-atl2-az1}) are dropped.</li>
 * </ul>
 */
public final class SkyPilotCsvFeed implements PriceFeed {
    private static final Pattern ORDINARY_AZ = Pattern.compile("^[a-z]{2,6}\\d+-az\\d+$");
    private final String cloud;

    public SkyPilotCsvFeed(String cloud) {
        if (!Set.of("gcp", "lambda", "aws").contains(cloud)) throw new IllegalStateException("no SkyPilot importer for " + cloud);
        this.cloud = cloud;
    }

    @Override
    public String id() { return "skypilot-" + cloud; }

    @Override
    public FeedResult read(FeedInput in) throws IOException {
        FeedResult result = new FeedResult(id(), in.where());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (InputStream s = in.open();
             CSVParser csv = CSVParser.parse(new InputStreamReader(s, StandardCharsets.UTF_8), format)) {
            List<String> need = switch (cloud) {
                case "gcp" -> List.of("InstanceType", "AcceleratorName", "AcceleratorCount", "Region", "Price", "SpotPrice");
                case "lambda" -> List.of("InstanceType", "AcceleratorName", "AcceleratorCount", "Region", "Price");
                default -> List.of("InstanceType", "AcceleratorName", "AcceleratorCount", "Region", "AvailabilityZone", "SpotPrice");
            };
            for (String column : need) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InputException("", in.where() + ":1: not a SkyPilot " + cloud
                            + " catalog: no column " + column + " (header: " + String.join(",", csv.getHeaderNames()) + ")");
                }
            }
            for (CSVRecord r : csv) {
                result.read();
                switch (cloud) {
                    case "gcp" -> gcp(r, result);
                    case "lambda" -> lambda(r, result);
                    default -> aws(r, result);
                }
            }
        }
        return result;
    }

    private static void gcp(CSVRecord r, FeedResult result) {
        String type = get(r, "InstanceType");
        String region = get(r, "Region");
        String zone = get(r, "AvailabilityZone");
        String row = "line " + (r.getRecordNumber() + 1) + ": " + String.join(",", r.toList());
        Double price = number(get(r, "Price"));
        Double spot = number(get(r, "SpotPrice"));
        if (type.isEmpty()) {
            String acc = get(r, "AcceleratorName");
            if (acc.startsWith("tpu-")) {
                result.drop("TPU rows");
                return;
            }
            Double count = number(get(r, "AcceleratorCount"));
            if (acc.isEmpty() || count == null) {
                result.drop("no instance type and no accelerator");
                return;
            }
            int n = (int) Math.round(count);
            if (price != null && price > 0) {
                result.add(FeedQuote.accelerator("gcp", acc, n, region, FeedQuote.Kind.ON_DEMAND, price, row));
            }
            if (spot != null && spot > 0) {
                result.add(FeedQuote.accelerator("gcp", acc, n, region, FeedQuote.Kind.SPOT, spot, row));
            }
            return;
        }
        String specs = get(r, "vCPUs") + " vCPU, " + get(r, "MemoryGiB") + " GiB (host row; GPUs priced on separate rows)"
                + (zone.isEmpty() ? "" : ", zone " + zone);
        if (price != null && price > 0) {
            result.add(FeedQuote.host("gcp", type, region, FeedQuote.Kind.ON_DEMAND, price, specs, row));
        }
        if (spot != null && spot > 0) {
            result.add(FeedQuote.host("gcp", type, region, FeedQuote.Kind.SPOT, spot, specs, row));
        }
    }

    private static void lambda(CSVRecord r, FeedResult result) {
        Double count = number(get(r, "AcceleratorCount"));
        if (get(r, "AcceleratorName").isEmpty() || count == null || count < 1) {
            result.drop("no GPU");
            return;
        }
        Double price = number(get(r, "Price"));
        if (price == null || price <= 0) {
            result.drop("no price");
            return;
        }
        String row = "line " + (r.getRecordNumber() + 1) + ": " + get(r, "InstanceType") + "," + get(r, "AcceleratorName")
                + "," + get(r, "AcceleratorCount") + "," + get(r, "vCPUs") + "," + get(r, "MemoryGiB") + "," + get(r, "Price")
                + "," + get(r, "Region");
        result.add(FeedQuote.instance("lambda", get(r, "InstanceType"), get(r, "Region"), FeedQuote.Kind.ON_DEMAND, price,
                (int) Math.round(count), specs(r), row));
    }

    private static void aws(CSVRecord r, FeedResult result) {
        Double count = number(get(r, "AcceleratorCount"));
        if (get(r, "AcceleratorName").isEmpty() || count == null || count < 1) {
            result.drop("no GPU");
            return;
        }
        String az = get(r, "AvailabilityZone");
        if (!ORDINARY_AZ.matcher(az).matches()) {
            result.drop("Local Zone / Wavelength AZ");
            return;
        }
        Double spot = number(get(r, "SpotPrice"));
        if (spot == null || spot <= 0) {
            result.drop("no spot price");
            return;
        }
        String row = "line " + (r.getRecordNumber() + 1) + ": " + get(r, "InstanceType") + " " + get(r, "Region") + " " + az
                + " SpotPrice=" + get(r, "SpotPrice") + " (Price=" + get(r, "Price") + ")";
        result.add(FeedQuote.instance("aws", get(r, "InstanceType"), get(r, "Region"), FeedQuote.Kind.SPOT, spot,
                (int) Math.round(count), specs(r), row));
    }

    private static String specs(CSVRecord r) {
        return Math.round(number(get(r, "AcceleratorCount"))) + "x " + get(r, "AcceleratorName") + ", "
                + get(r, "vCPUs") + " vCPU, " + get(r, "MemoryGiB") + " GiB";
    }

    static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    static Double number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

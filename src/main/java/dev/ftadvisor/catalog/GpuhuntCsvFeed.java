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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * dstack's gpuhunt catalogs (github.com/dstackai/gpuhunt; published per provider as
 * {@code https://dstack-gpu-pricing.s3.eu-west-1.amazonaws.com/v3/<provider>/latest/catalog.zip}, one
 * {@code <provider>.csv} inside; no credentials). Columns: instance_name, location, price (USD per
 * instance-hour), cpu, memory, gpu_count, gpu_name, gpu_memory, spot, disk_size, and in newer files
 * gpu_vendor, flags, cpu_arch, provider_data. The file does not name its provider: it is taken from
 * the file name (aws.csv, azure.csv, gcp.csv, lambdalabs.csv) or {@code --provider}.
 *
 * <p>spot True rows are spot prices, the others on-demand. GCP rows are per zone (us-central1-a):
 * folded into the region, lowest price kept. Dropped and counted: Dynamic Workload Scheduler
 * calendar-mode prices (flag {@code gcp-dws-calendar-mode} or provider_data
 * {@code is_dws_calendar_mode: true}: a discounted reserved-in-advance price, not on-demand), rows
 * without a GPU.
 */
public final class GpuhuntCsvFeed implements PriceFeed {
    private static final Map<String, String> PROVIDERS =
            Map.of("aws", "aws", "azure", "azure", "gcp", "gcp", "lambdalabs", "lambda", "lambda", "lambda");
    private static final Pattern GCP_ZONE = Pattern.compile("^([a-z]+-[a-z]+\\d+)-[a-z]$");
    private final String providerOption;

    public GpuhuntCsvFeed(String providerOption) {
        this.providerOption = providerOption;
    }

    @Override
    public String id() { return "gpuhunt"; }

    String provider(FeedInput in) {
        String name = providerOption;
        if (name == null) {
            String file = in.name().toLowerCase(Locale.ROOT).replaceAll("\\.csv$", "");
            name = PROVIDERS.keySet().stream().filter(file::equals).findFirst()
                    .orElseGet(() -> PROVIDERS.keySet().stream().filter(k -> file.endsWith("-" + k) || file.endsWith("_" + k))
                            .findFirst().orElse(null));
            if (name == null) {
                throw new InputException("", "--from " + in.where() + ": a gpuhunt catalog does not name its provider;"
                        + " name the file aws.csv, azure.csv, gcp.csv or lambdalabs.csv, or give --provider");
            }
        }
        String provider = PROVIDERS.get(name.toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw new InputException("", "--provider: expected aws, azure, gcp or lambdalabs for a gpuhunt catalog, got '"
                    + name + "'");
        }
        return provider;
    }

    @Override
    public FeedResult read(FeedInput in) throws IOException {
        String provider = provider(in);
        FeedResult result = new FeedResult(id() + "-" + provider, in.where());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (InputStream s = in.open();
             CSVParser csv = CSVParser.parse(new InputStreamReader(s, StandardCharsets.UTF_8), format)) {
            for (String column : List.of("instance_name", "location", "price", "gpu_count", "spot")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InputException("", in.where() + ":1: not a gpuhunt catalog: no column " + column);
                }
            }
            for (CSVRecord r : csv) {
                result.read();
                row(provider, r, result);
            }
        }
        return result;
    }

    private static void row(String provider, CSVRecord r, FeedResult result) {
        String flags = SkyPilotCsvFeed.get(r, "flags");
        String data = SkyPilotCsvFeed.get(r, "provider_data");
        if (flags.contains("dws") || data.replace(" ", "").contains("\"is_dws_calendar_mode\":true")) {
            result.drop("DWS calendar-mode price");
            return;
        }
        Double gpus = SkyPilotCsvFeed.number(SkyPilotCsvFeed.get(r, "gpu_count"));
        if (gpus == null || gpus < 1) {
            result.drop("no GPU");
            return;
        }
        Double price = SkyPilotCsvFeed.number(SkyPilotCsvFeed.get(r, "price"));
        if (price == null || price <= 0) {
            result.drop("no price");
            return;
        }
        String location = SkyPilotCsvFeed.get(r, "location");
        String region = location;
        if ("gcp".equals(provider)) {
            var m = GCP_ZONE.matcher(location);
            if (m.matches()) region = m.group(1);
        }
        boolean spot = "true".equalsIgnoreCase(SkyPilotCsvFeed.get(r, "spot"));
        String specs = Math.round(gpus) + "x " + SkyPilotCsvFeed.get(r, "gpu_name") + " "
                + SkyPilotCsvFeed.get(r, "gpu_memory") + " GB, " + SkyPilotCsvFeed.get(r, "cpu") + " vCPU, "
                + SkyPilotCsvFeed.get(r, "memory") + " GB";
        String row = "line " + (r.getRecordNumber() + 1) + ": " + String.join(",", r.toList());
        result.add(FeedQuote.instance(provider, SkyPilotCsvFeed.get(r, "instance_name"), region,
                spot ? FeedQuote.Kind.SPOT : FeedQuote.Kind.ON_DEMAND, price, (int) Math.round(gpus), specs, row));
    }
}

package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS Price List bulk offer file for EC2 ({@code .../offers/v1.0/aws/AmazonEC2/current/<region>/index.json};
 * no credentials). Real files are gigabytes, so the file is streamed with Jackson's streaming parser:
 * only one product or one term is held as a tree at a time, and only the products that pass the
 * filters are remembered (sku to instance type and region).
 *
 * <p>Kept: productFamily Compute Instance, operatingSystem Linux, tenancy Shared, preInstalledSw NA,
 * capacitystatus Used (not a capacity reservation), market option OnDemand where the file states one,
 * a price dimension in unit Hrs priced in USD. On-demand from {@code terms.OnDemand}; reserved from
 * {@code terms.Reserved}: the 1-year, No Upfront, standard Reserved Instance term only (its hourly
 * rate; reservedTermMonths 12). Dropped and counted: Windows / RHEL / SUSE and other licensed systems,
 * Dedicated and Host tenancy, pre-installed SQL, capacity reservations, Capacity Block prices, non-USD
 * prices (the China regions' files are in CNY), other reserved terms.
 */
public final class AwsOfferFileFeed implements PriceFeed {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Product(String instanceType, String region, Integer gpuCount, String specs, String describe) {
    }

    private record Price(double usd, String row) {
    }

    @Override
    public String id() { return "aws"; }

    @Override
    public FeedResult read(FeedInput in) throws IOException {
        FeedResult result = new FeedResult(id(), in.where());
        Map<String, Product> kept = new HashMap<>();
        Map<String, Price> onDemand = new HashMap<>();
        Map<String, Price> reserved = new HashMap<>();
        boolean[] productsSeen = {false};
        try (InputStream s = in.open(); JsonParser p = new JsonFactory(MAPPER).createParser(s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException("", in.where() + ": not an AWS offer file (expected a JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "products" -> {
                        readProducts(p, result, kept);
                        productsSeen[0] = true;
                    }
                    case "terms" -> readTerms(p, result, kept, productsSeen[0], onDemand, reserved);
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException("", in.where() + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        for (Map.Entry<String, Product> e : kept.entrySet()) {
            Product prod = e.getValue();
            Price od = onDemand.get(e.getKey());
            if (od != null) {
                result.add(FeedQuote.instance("aws", prod.instanceType, prod.region, FeedQuote.Kind.ON_DEMAND, od.usd,
                        prod.gpuCount, prod.specs, prod.describe + "; OnDemand " + od.row));
            }
            Price rs = reserved.get(e.getKey());
            if (rs != null) {
                result.add(FeedQuote.reserved("aws", prod.instanceType, prod.region, rs.usd, 12, prod.gpuCount,
                        prod.specs, prod.describe + "; Reserved " + rs.row));
            }
        }
        return result;
    }

    private static void readProducts(JsonParser p, FeedResult result, Map<String, Product> kept) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String sku = p.currentName();
            p.nextToken();
            JsonNode product = MAPPER.readTree(p);
            JsonNode a = product.path("attributes");
            String family = product.path("productFamily").asText("");
            if (!family.startsWith("Compute Instance") || !a.hasNonNull("instanceType")) {
                continue; // storage, data transfer, IPs ...: not counted
            }
            result.read();
            String reason = dropReason(a);
            if (reason != null) {
                result.drop(reason);
                continue;
            }
            String instanceType = a.path("instanceType").asText();
            Integer gpus = a.hasNonNull("gpu") && a.path("gpu").asText().matches("\\d+")
                    ? Integer.valueOf(a.path("gpu").asText()) : null;
            String specs = (gpus == null ? "" : gpus + " GPU" + (a.hasNonNull("gpuMemory") ? " (" + a.path("gpuMemory").asText() + ")" : "") + ", ")
                    + a.path("vcpu").asText("?") + " vCPU, " + a.path("memory").asText("? memory");
            String describe = "sku " + sku + " " + instanceType + " " + a.path("regionCode").asText() + " ("
                    + a.path("location").asText() + "), " + a.path("operatingSystem").asText() + ", tenancy "
                    + a.path("tenancy").asText() + ", capacitystatus " + a.path("capacitystatus").asText()
                    + ", preInstalledSw " + a.path("preInstalledSw").asText();
            kept.put(sku, new Product(instanceType, a.path("regionCode").asText(), gpus, specs, describe));
        }
    }

    static String dropReason(JsonNode a) {
        String os = a.path("operatingSystem").asText("");
        if (!"Linux".equals(os)) {
            return os.toLowerCase(Locale.ROOT).contains("windows") ? "Windows" : "licensed OS (" + os + ")";
        }
        if (!"Shared".equals(a.path("tenancy").asText(""))) return "Dedicated/Host tenancy";
        if (!"NA".equals(a.path("preInstalledSw").asText("NA"))) return "pre-installed software";
        if (!"Used".equals(a.path("capacitystatus").asText("Used"))) return "capacity reservation";
        String market = a.path("marketoption").asText("OnDemand");
        String usage = a.path("usagetype").asText("");
        if (!"OnDemand".equals(market) || usage.contains("CapacityBlock")) return "Capacity Block";
        if (a.path("regionCode").asText("").isEmpty()) return "no regionCode";
        return null;
    }

    private static void readTerms(JsonParser p, FeedResult result, Map<String, Product> kept, boolean productsSeen,
                                  Map<String, Price> onDemand, Map<String, Price> reserved) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            p.nextToken();
            if (!"OnDemand".equals(kind) && !"Reserved".equals(kind)) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String sku = p.currentName();
                p.nextToken();
                if (productsSeen && !kept.containsKey(sku)) {
                    p.skipChildren();
                    continue;
                }
                JsonNode terms = MAPPER.readTree(p);
                for (JsonNode term : terms) {
                    if ("OnDemand".equals(kind)) {
                        Price price = hourly(term, result);
                        if (price != null) onDemand.putIfAbsent(sku, price);
                    } else if (isOneYearNoUpfrontStandard(term.path("termAttributes"))) {
                        Price price = hourly(term, result);
                        if (price != null) reserved.putIfAbsent(sku, new Price(price.usd,
                                "1yr No Upfront standard: " + price.row));
                    }
                }
            }
        }
    }

    static boolean isOneYearNoUpfrontStandard(JsonNode t) {
        String lease = t.path("LeaseContractLength").asText("").replace(" ", "");
        return "1yr".equalsIgnoreCase(lease) && "No Upfront".equalsIgnoreCase(t.path("PurchaseOption").asText(""))
                && "standard".equalsIgnoreCase(t.path("OfferingClass").asText(""));
    }

    private static Price hourly(JsonNode term, FeedResult result) {
        for (JsonNode dim : term.path("priceDimensions")) {
            if (!"Hrs".equalsIgnoreCase(dim.path("unit").asText(""))) continue;
            String description = dim.path("description").asText("");
            if (description.contains("Capacity Block")) {
                result.drop("Capacity Block");
                return null;
            }
            JsonNode usd = dim.path("pricePerUnit").path("USD");
            if (usd.isMissingNode()) {
                result.drop("non-USD price");
                return null;
            }
            double v;
            try {
                v = Double.parseDouble(usd.asText());
            } catch (NumberFormatException e) {
                result.drop("unreadable price");
                return null;
            }
            if (v <= 0) {
                result.drop("zero price");
                return null;
            }
            return new Price(v, dim.path("rateCode").asText("") + " '" + description + "' USD " + usd.asText());
        }
        return null;
    }
}

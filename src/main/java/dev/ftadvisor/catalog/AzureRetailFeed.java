package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Azure Retail Prices API pages ({@code https://prices.azure.com/api/retail/prices?...}; no credentials):
 * {@code {"Items": [...], "NextPageLink": ...}}. Each file given with {@code --from} is one page; a URL
 * is followed through its NextPageLink pages (at most {@value #MAX_PAGES}).
 *
 * <p>Kept: serviceName Virtual Machines, currencyCode USD, Linux (productName without "Windows"), not
 * a Dedicated Host. type Consumption in unit "1 Hour": a meter whose name ends in "Spot" is the spot
 * price, any other meter the on-demand price; "Low Priority" meters are ignored (the older Batch/VMSS
 * low-priority offer Microsoft retires; the spot facts describe Azure Spot VMs). type Reservation with
 * reservationTerm "1 Year": the API gives the price of the whole term in retailPrice, so the hourly
 * rate is retailPrice / 8760 h (365 x 24; reservedTermMonths 12). Dropped and counted: Windows,
 * DevTestConsumption, 3-year reservations, non-USD currencies, other units.
 */
public final class AzureRetailFeed implements PriceFeed {
    static final int MAX_PAGES = 2000;
    static final double HOURS_PER_YEAR = 8760;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String id() { return "azure"; }

    @Override
    public FeedResult read(FeedInput in) throws IOException {
        FeedResult result = new FeedResult(id(), in.where());
        FeedInput page = in;
        for (int n = 0; page != null && n < MAX_PAGES; n++) {
            String next = readPage(page, result);
            page = next != null && in.followsLinks() ? page.link(next) : null;
        }
        return result;
    }

    private static String readPage(FeedInput in, FeedResult result) throws IOException {
        String next = null;
        try (InputStream s = in.open(); JsonParser p = new JsonFactory(MAPPER).createParser(s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException("", in.where() + ": not an Azure retail prices page (expected a JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("Items".equals(field)) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        item(MAPPER.readTree(p), result);
                    }
                } else if ("NextPageLink".equals(field)) {
                    next = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException("", in.where() + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        return next;
    }

    static void item(JsonNode i, FeedResult result) {
        if (!"Virtual Machines".equals(i.path("serviceName").asText(""))) return;
        result.read();
        String product = i.path("productName").asText("");
        String meter = i.path("meterName").asText("");
        String type = i.path("type").asText("");
        String sku = i.path("armSkuName").asText("");
        String region = i.path("armRegionName").asText("");
        if (!"USD".equals(i.path("currencyCode").asText("USD"))) {
            result.drop("non-USD currency (" + i.path("currencyCode").asText() + ")");
            return;
        }
        if (product.contains("Windows")) {
            result.drop("Windows");
            return;
        }
        if (product.contains("Dedicated Host")) {
            result.drop("Dedicated Host");
            return;
        }
        if ("DevTestConsumption".equals(type)) {
            result.drop("DevTestConsumption");
            return;
        }
        if (meter.contains("Low Priority")) {
            result.drop("Low Priority meter");
            return;
        }
        if (sku.isEmpty() || region.isEmpty()) {
            result.drop("no armSkuName/armRegionName");
            return;
        }
        double price = i.path("retailPrice").asDouble(-1);
        if (price <= 0) {
            result.drop("zero price");
            return;
        }
        String row = "meterName '" + meter + "', productName '" + product + "', skuName '" + i.path("skuName").asText()
                + "', type " + type + (i.hasNonNull("reservationTerm") ? " " + i.path("reservationTerm").asText() : "")
                + ", armRegionName " + region + ", unitOfMeasure '" + i.path("unitOfMeasure").asText()
                + "', retailPrice " + i.path("retailPrice").asText() + " " + i.path("currencyCode").asText("USD");
        switch (type) {
            case "Consumption" -> {
                if (!"1 Hour".equals(i.path("unitOfMeasure").asText(""))) {
                    result.drop("unit other than 1 Hour");
                    return;
                }
                boolean spot = meter.toLowerCase(Locale.ROOT).endsWith(" spot") || "Spot".equals(meter);
                result.add(FeedQuote.instance("azure", sku, region, spot ? FeedQuote.Kind.SPOT : FeedQuote.Kind.ON_DEMAND,
                        price, null, "Azure " + sku + " (" + product + ")", row));
            }
            case "Reservation" -> {
                if (!"1 Year".equals(i.path("reservationTerm").asText(""))) {
                    result.drop("reservation term other than 1 Year");
                    return;
                }
                double hourly = price / HOURS_PER_YEAR;
                result.add(FeedQuote.reserved("azure", sku, region, hourly, 12, null, "Azure " + sku + " (" + product + ")",
                        row + " for the 1-year term / 8760 h = " + String.format(Locale.ROOT, "%.5f", hourly) + " per hour"));
            }
            default -> result.drop("price type " + type);
        }
    }
}

package dev.ftadvisor.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.model.GpuSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges feed quotes into the instances catalog (its JSON tree, so fields the update does not know
 * are kept as they are) and checks every refreshed price first. Curated specs are never touched: only
 * onDemandUsdHour, spotUsdHour, reservedUsdHour, reservedTermMonths, asOf (spotAsOf / reservedAsOf),
 * source and quote of a row the feeds price. The result is an {@link UpdatePlan}: the new tree and the
 * diff.
 */
public final class CatalogUpdate {
    static final String SOURCE_MARK = "price feed: ";
    static final String QUOTE_MARK = "FEED ROW: ";
    static final String SEP = " ;; ";

    private final Catalog catalog;
    private final CheckRules rules;
    private final String asOf;
    private final boolean addRegions;

    /** The lowest quote for one key, with how many feed rows it was chosen from. */
    record Best(FeedQuote quote, String feed, String where, int rows) {
        String row() {
            return feed + " " + quote.row() + (rows > 1 ? " (lowest of " + rows + " rows for the region)" : "");
        }
    }

    /** A refreshed price of a row: value, term and the feed rows it came from. */
    record Price(double usd, Integer termMonths, List<Best> from) {
    }

    public CatalogUpdate(Catalog catalog, CheckRules rules, String asOf, boolean addRegions) {
        this.catalog = catalog;
        this.rules = rules;
        this.asOf = asOf;
        this.addRegions = addRegions;
    }

    public UpdatePlan apply(ObjectNode instancesFile, List<FeedResult> feeds) {
        ObjectNode root = instancesFile.deepCopy();
        UpdatePlan plan = new UpdatePlan(feeds, instancesFile.path("asOf").asText(""), asOf);
        Map<String, Best> instances = new HashMap<>();
        Map<String, Best> hosts = new HashMap<>();
        Map<String, List<Best>> accelerators = new HashMap<>();
        Set<String> covered = new HashSet<>();
        for (FeedResult f : feeds) {
            for (FeedQuote q : f.quotes()) {
                covered.add(q.provider() + "|" + q.region());
                if (q.isAccelerator()) {
                    accelerators.computeIfAbsent(q.provider() + "|" + q.region() + "|" + q.kind(), k -> new ArrayList<>())
                            .add(new Best(q, f.feed(), f.where(), 1));
                } else {
                    keep(q.hostOnly() ? hosts : instances, key(q.provider(), q.instanceType(), q.region()) + "|" + q.kind(),
                            q, f);
                }
            }
        }
        ArrayNode rows = (ArrayNode) root.path("instances");
        Map<String, ObjectNode> rowByKey = new LinkedHashMap<>();
        Map<String, Set<String>> groupsByType = new HashMap<>();
        for (JsonNode n : rows) {
            ObjectNode row = (ObjectNode) n;
            rowByKey.put(key(row.path("provider").asText(), row.path("instanceType").asText(), region(row)), row);
            groupsByType.computeIfAbsent(row.path("provider").asText() + "|" + row.path("instanceType").asText(),
                    k -> new TreeSet<>()).add(row.path("regionGroup").asText());
        }
        for (Map.Entry<String, ObjectNode> e : rowByKey.entrySet()) {
            ObjectNode row = e.getValue();
            String label = label(row);
            Map<FeedQuote.Kind, Price> prices = pricesFor(row, region(row), instances, hosts, accelerators, plan, label);
            if (prices == null) continue;
            if (prices.isEmpty()) {
                if (covered.contains(row.path("provider").asText() + "|" + region(row))) plan.notInFeed(label);
                continue;
            }
            List<String> refusals = check(row, prices, true, plan, label);
            if (!refusals.isEmpty()) {
                plan.refused(label, String.join("; ", refusals));
                continue;
            }
            write(row, prices, plan, label);
        }
        curateAndAdd(rows, rowByKey, groupsByType, instances, hosts, accelerators, plan);
        if (plan.changed()) root.put("asOf", asOf);
        plan.result(root);
        return plan;
    }

    private static void keep(Map<String, Best> map, String key, FeedQuote q, FeedResult f) {
        map.merge(key, new Best(q, f.feed(), f.where(), 1), (a, b) -> {
            Best low = b.quote().usdPerHour() < a.quote().usdPerHour() ? b : a;
            return new Best(low.quote(), low.feed(), low.where(), a.rows() + b.rows());
        });
    }

    /** The refreshed prices of a row (empty: the feeds do not price it; null: priced but unusable, reported). */
    private Map<FeedQuote.Kind, Price> pricesFor(ObjectNode row, String region, Map<String, Best> instances,
                                                 Map<String, Best> hosts, Map<String, List<Best>> accelerators,
                                                 UpdatePlan plan, String label) {
        String provider = row.path("provider").asText();
        String type = row.path("instanceType").asText();
        Map<FeedQuote.Kind, Price> prices = new EnumMap<>(FeedQuote.Kind.class);
        List<String> missingGpu = new ArrayList<>();
        for (FeedQuote.Kind kind : FeedQuote.Kind.values()) {
            String k = key(provider, type, region) + "|" + kind;
            Best whole = instances.get(k);
            if (whole != null) {
                prices.put(kind, new Price(round(whole.quote().usdPerHour()), whole.quote().termMonths(), List.of(whole)));
                continue;
            }
            Best host = hosts.get(k);
            if (host == null) continue;
            Optional<Best> gpus = accelerator(accelerators.get(provider + "|" + region + "|" + kind),
                    row.path("gpu").asText(), row.path("gpuCount").asInt());
            if (gpus.isEmpty()) {
                missingGpu.add(kind.label);
                continue;
            }
            prices.put(kind, new Price(round(host.quote().usdPerHour() + gpus.get().quote().usdPerHour()), null,
                    List.of(host, gpus.get())));
        }
        List<Best> odParts = prices.containsKey(FeedQuote.Kind.ON_DEMAND) ? prices.get(FeedQuote.Kind.ON_DEMAND).from() : List.of();
        List<Best> spotParts = prices.containsKey(FeedQuote.Kind.SPOT) ? prices.get(FeedQuote.Kind.SPOT).from() : List.of();
        if (odParts.size() == 2 && spotParts.size() == 2
                && spotParts.get(1).quote().usdPerHour() > odParts.get(1).quote().usdPerHour()) {
            plan.refused(label, "the feed's on-demand price for " + row.path("gpuCount").asInt() + "x "
                    + row.path("gpu").asText() + " (" + usd(odParts.get(1).quote().usdPerHour()) + ") is below its spot price ("
                    + usd(spotParts.get(1).quote().usdPerHour()) + "): not a list price (a commitment or DWS price?)");
            return null;
        }
        if (!missingGpu.isEmpty() && !prices.containsKey(FeedQuote.Kind.ON_DEMAND) && missingGpu.contains("on-demand")) {
            plan.refused(label, "the feed prices the host (vCPUs, memory) but has no " + String.join("/", missingGpu)
                    + " price for " + row.path("gpuCount").asInt() + "x " + row.path("gpu").asText()
                    + " in " + region + ": a host price alone is never written");
            return null;
        }
        return prices;
    }

    /** The lowest accelerator quote for this GPU (by catalog identity, aliases included) and count. */
    private Optional<Best> accelerator(List<Best> quotes, String gpu, int count) {
        if (quotes == null) return Optional.empty();
        Optional<GpuSpec> want = catalog.gpu(gpu);
        if (want.isEmpty()) return Optional.empty();
        List<Best> same = quotes.stream()
                .filter(b -> b.quote().acceleratorCount() == count)
                .filter(b -> catalog.gpu(b.quote().accelerator()).map(g -> g == want.get()).orElse(false))
                .toList();
        return same.stream().min(Comparator.comparingDouble(b -> b.quote().usdPerHour()))
                .map(b -> new Best(b.quote(), b.feed(), b.where(), same.size()));
    }

    /** Checks the refreshed prices; row-level refusals are returned, a refused spot alone is removed from prices. */
    private List<String> check(ObjectNode row, Map<FeedQuote.Kind, Price> prices, boolean movesApply,
                               UpdatePlan plan, String label) {
        List<String> why = new ArrayList<>();
        Double od = value(row, prices, FeedQuote.Kind.ON_DEMAND);
        Double spot = value(row, prices, FeedQuote.Kind.SPOT);
        Double reserved = value(row, prices, FeedQuote.Kind.RESERVED);
        if (od == null) {
            why.add("no on-demand price");
            return why;
        }
        if (spot != null && spot > od) {
            why.add(String.format(Locale.ROOT, "spot %s above on-demand %s: the on-demand figure is likely not a list price"
                    + " (a commitment or DWS price?)", usd(spot), usd(od)));
        }
        if (reserved != null && reserved >= od) {
            why.add(String.format(Locale.ROOT, "reserved %s not below on-demand %s (a whole-term price read as hourly?)",
                    usd(reserved), usd(od)));
        }
        if (prices.containsKey(FeedQuote.Kind.ON_DEMAND)) {
            int gpus = Math.max(1, row.path("gpuCount").asInt(1));
            String gpuId = catalog.gpu(row.path("gpu").asText()).map(g -> g.id).orElse(row.path("gpu").asText());
            double[] range = rules.range(gpuId);
            double perGpu = od / gpus;
            if (perGpu < range[0] || perGpu > range[1]) {
                why.add(String.format(Locale.ROOT, "on-demand %s per GPU-hour (%s / %d) outside %s..%s for %s"
                        + " (a per-GPU, host-only, Windows or commitment figure?)", usd(perGpu), usd(od), gpus,
                        usd(range[0]), usd(range[1]), gpuId));
            }
        }
        if (movesApply) {
            for (Map.Entry<FeedQuote.Kind, Price> e : prices.entrySet()) {
                if (e.getKey() == FeedQuote.Kind.SPOT) continue; // a spot move refuses the spot price only (below)
                JsonNode old = row.path(field(e.getKey()));
                if (!old.isNumber() || old.asDouble() <= 0) continue;
                double factor = Math.max(e.getValue().usd() / old.asDouble(), old.asDouble() / e.getValue().usd());
                if (factor > rules.maxPriceMoveFactor()) {
                    why.add(String.format(Locale.ROOT, "%s moved %s -> %s (x%.2f, more than x%s since the last catalog)",
                            e.getKey().label, usd(old.asDouble()), usd(e.getValue().usd()),
                            e.getValue().usd() / old.asDouble(), usd(rules.maxPriceMoveFactor())));
                }
            }
        }
        if (why.isEmpty() && spot != null && prices.containsKey(FeedQuote.Kind.SPOT)) {
            JsonNode oldSpot = row.path("spotUsdHour");
            double factor = oldSpot.isNumber() && oldSpot.asDouble() > 0
                    ? Math.max(spot / oldSpot.asDouble(), oldSpot.asDouble() / spot) : 1;
            if (spot < rules.spotFloorFraction() * od) {
                plan.refused(label, String.format(Locale.ROOT, "spot %s is %.0f%% of on-demand %s, under the %.0f%% floor"
                        + " (pricing.spot-suspect): spot not refreshed", usd(spot), 100 * spot / od, usd(od),
                        100 * rules.spotFloorFraction()));
                prices.remove(FeedQuote.Kind.SPOT);
            } else if (movesApply && factor > rules.maxPriceMoveFactor()) {
                plan.refused(label, String.format(Locale.ROOT, "spot moved %s -> %s (x%.2f, more than x%s since the last"
                        + " catalog): spot not refreshed", usd(oldSpot.asDouble()), usd(spot), spot / oldSpot.asDouble(),
                        usd(rules.maxPriceMoveFactor())));
                prices.remove(FeedQuote.Kind.SPOT);
            }
        }
        return why;
    }

    private static Double value(ObjectNode row, Map<FeedQuote.Kind, Price> prices, FeedQuote.Kind kind) {
        Price p = prices.get(kind);
        if (p != null) return p.usd();
        JsonNode old = row.path(field(kind));
        return old.isNumber() ? old.asDouble() : null;
    }

    private void write(ObjectNode row, Map<FeedQuote.Kind, Price> prices, UpdatePlan plan, String label) {
        if (prices.isEmpty()) return;
        boolean moved = false;
        for (Map.Entry<FeedQuote.Kind, Price> e : prices.entrySet()) {
            String field = field(e.getKey());
            JsonNode old = row.path(field);
            Double before = old.isNumber() ? old.asDouble() : null;
            double after = e.getValue().usd();
            boolean termChanged = e.getKey() == FeedQuote.Kind.RESERVED
                    && !java.util.Objects.equals(row.path("reservedTermMonths").isNumber()
                    ? row.path("reservedTermMonths").asInt() : null, e.getValue().termMonths());
            if (before == null || Math.abs(before - after) > 1e-9 || termChanged) {
                plan.move(label, e.getKey().label, before, after);
                moved = true;
            }
        }
        if (!moved) {
            plan.unchanged(label);
        }
        String oldAsOf = row.path("asOf").asText();
        boolean odRefreshed = prices.containsKey(FeedQuote.Kind.ON_DEMAND);
        for (FeedQuote.Kind kind : List.of(FeedQuote.Kind.SPOT, FeedQuote.Kind.RESERVED)) {
            String dateField = kind == FeedQuote.Kind.SPOT ? "spotAsOf" : "reservedAsOf";
            if (prices.containsKey(kind)) {
                if (odRefreshed) row.remove(dateField); else row.put(dateField, asOf);
            } else if (odRefreshed && row.path(field(kind)).isNumber() && !row.has(dateField)) {
                row.put(dateField, oldAsOf); // this price keeps its own, older date
            }
        }
        for (Map.Entry<FeedQuote.Kind, Price> e : prices.entrySet()) {
            row.put(field(e.getKey()), e.getValue().usd());
            if (e.getKey() == FeedQuote.Kind.RESERVED) row.put("reservedTermMonths", e.getValue().termMonths());
        }
        if (odRefreshed) row.put("asOf", asOf);
        row.put("source", source(prices) + SEP + strip(row.path("source").asText(), SOURCE_MARK));
        row.put("quote", quote(prices) + SEP + strip(row.path("quote").asText(), QUOTE_MARK));
    }

    private String source(Map<FeedQuote.Kind, Price> prices) {
        Map<String, List<String>> byFeed = new LinkedHashMap<>();
        prices.forEach((kind, p) -> p.from().forEach(b ->
                byFeed.computeIfAbsent(b.feed() + " " + b.where(), k -> new ArrayList<>()).add(kind.label)));
        List<String> parts = new ArrayList<>();
        byFeed.forEach((feed, kinds) -> parts.add(feed + " (" + String.join(", ", new TreeSet<>(kinds)) + ")"));
        return SOURCE_MARK + String.join("; ", parts) + ", read " + asOf + " by catalog update";
    }

    private static String quote(Map<FeedQuote.Kind, Price> prices) {
        List<String> parts = new ArrayList<>();
        prices.forEach((kind, p) -> {
            List<String> rows = p.from().stream().map(Best::row).toList();
            parts.add(kind.label + " " + usd(p.usd()) + (p.from().size() > 1 ? " = host + GPUs: " : ": ")
                    + String.join(" + ", rows));
        });
        return QUOTE_MARK + String.join(" | ", parts);
    }

    /** The text after an earlier update's prefix (the curated part), or all of it. */
    static String strip(String text, String mark) {
        if (text.startsWith(mark)) {
            int at = text.indexOf(SEP);
            return at < 0 ? "" : text.substring(at + SEP.length());
        }
        return text;
    }

    private void curateAndAdd(ArrayNode rows, Map<String, ObjectNode> rowByKey, Map<String, Set<String>> groupsByType,
                              Map<String, Best> instances, Map<String, Best> hosts,
                              Map<String, List<Best>> accelerators, UpdatePlan plan) {
        Map<String, ObjectNode> templateByType = new HashMap<>();
        rowByKey.values().forEach(r -> templateByType.putIfAbsent(
                r.path("provider").asText() + "|" + r.path("instanceType").asText(), r));
        Map<String, TreeMap<String, FeedQuote>> curate = new TreeMap<>();
        Map<String, TreeMap<String, Map.Entry<String, Double>>> candidates = new TreeMap<>();
        List<Map<String, Best>> sources = List.of(instances, hosts);
        for (Map<String, Best> map : sources) {
            for (Best b : map.values()) {
                FeedQuote q = b.quote();
                if (q.kind() != FeedQuote.Kind.ON_DEMAND) continue;
                String typeKey = q.provider() + "|" + q.instanceType();
                if (rowByKey.containsKey(key(q.provider(), q.instanceType(), q.region()))) continue;
                if (!templateByType.containsKey(typeKey)) {
                    boolean gpu = q.gpuCount() != null ? q.gpuCount() > 0 : rules.isGpuType(q.provider(), q.instanceType());
                    if (gpu && !rules.ignored(q.provider(), q.instanceType())) {
                        curate.computeIfAbsent(typeKey, k -> new TreeMap<>()).put(q.region(), q);
                    }
                    continue;
                }
                Optional<String> group = rules.regionGroup(q.region());
                if (group.isEmpty() || groupsByType.get(typeKey).contains(group.get())) continue;
                candidates.computeIfAbsent(typeKey + "|" + group.get(), k -> new TreeMap<>())
                        .put(q.region(), Map.entry(q.region(), q.usdPerHour()));
            }
        }
        curate.forEach((typeKey, byRegion) -> {
            FeedQuote any = byRegion.firstEntry().getValue();
            FeedQuote cheapest = byRegion.values().stream().min(Comparator.comparingDouble(FeedQuote::usdPerHour)).orElseThrow();
            plan.curate(any.provider() + " " + any.instanceType(), any.specs(), byRegion.keySet(),
                    cheapest.region(), cheapest.usdPerHour(), cheapest.hostOnly());
        });
        for (Map.Entry<String, TreeMap<String, Map.Entry<String, Double>>> c : candidates.entrySet()) {
            String[] parts = c.getKey().split("\\|");
            String typeKey = parts[0] + "|" + parts[1];
            String group = parts[2];
            if (!addRegions) {
                plan.otherRegion(parts[0] + " " + parts[1] + " [" + group + "]: " + String.join(", ", c.getValue().keySet()));
                continue;
            }
            ObjectNode template = templateByType.get(typeKey);
            ObjectNode best = null;
            Map<FeedQuote.Kind, Price> bestPrices = null;
            for (String region : c.getValue().keySet()) {
                ObjectNode row = template.deepCopy();
                for (String f : List.of("onDemandUsdHour", "spotUsdHour", "reservedUsdHour", "reservedTermMonths")) row.putNull(f);
                row.remove(List.of("spotAsOf", "reservedAsOf"));
                row.putArray("regions").add(region);
                row.put("regionGroup", group);
                String label = label(row);
                Map<FeedQuote.Kind, Price> prices = pricesFor(row, region, instances, hosts, accelerators, plan, label);
                if (prices == null || !prices.containsKey(FeedQuote.Kind.ON_DEMAND)) continue;
                List<String> why = check(row, prices, false, plan, label);
                if (!why.isEmpty()) {
                    plan.refused(label, String.join("; ", why));
                    continue;
                }
                if (bestPrices == null || prices.get(FeedQuote.Kind.ON_DEMAND).usd()
                        < bestPrices.get(FeedQuote.Kind.ON_DEMAND).usd()) {
                    best = row;
                    bestPrices = prices;
                }
            }
            if (best == null) continue;
            for (Map.Entry<FeedQuote.Kind, Price> e : bestPrices.entrySet()) {
                best.put(field(e.getKey()), e.getValue().usd());
                if (e.getKey() == FeedQuote.Kind.RESERVED) best.put("reservedTermMonths", e.getValue().termMonths());
            }
            best.put("asOf", asOf);
            best.put("source", source(bestPrices) + SEP + "specs: as the " + region(template) + " row of this type ("
                    + strip(template.path("source").asText(), SOURCE_MARK) + ")");
            best.put("quote", quote(bestPrices) + SEP + "SPECS as the " + region(template) + " row: "
                    + strip(template.path("quote").asText(), QUOTE_MARK));
            best.put("notes", "ADDED " + asOf + " by catalog update --add-regions: the cheapest region of group " + group
                    + " in the feed (" + String.join(", ", c.getValue().keySet()) + "); specs copied from the "
                    + region(template) + " row; whether the provider has capacity there was not checked. "
                    + template.path("notes").asText());
            rows.add(best);
            plan.added(label(best), bestPrices.get(FeedQuote.Kind.ON_DEMAND).usd());
        }
    }

    static String field(FeedQuote.Kind kind) {
        return switch (kind) {
            case ON_DEMAND -> "onDemandUsdHour";
            case SPOT -> "spotUsdHour";
            case RESERVED -> "reservedUsdHour";
        };
    }

    static String key(String provider, String type, String region) {
        return provider + "|" + type + "|" + region;
    }

    static String region(JsonNode row) {
        JsonNode r = row.path("regions");
        return r.size() > 0 ? r.get(0).asText() : "";
    }

    static String label(JsonNode row) {
        return row.path("provider").asText() + " " + row.path("instanceType").asText() + " " + region(row);
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
    }

    static String usd(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

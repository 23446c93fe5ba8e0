package dev.ftadvisor.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ftadvisor.facts.CatalogException;
import dev.ftadvisor.io.ResourceFolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The thresholds the checks apply before a catalog is written, and the region-group and type
 * patterns, read from {@code facts/catalog-checks.json} (checked against its schema).
 */
public record CheckRules(double spotFloorFraction, double maxPriceMoveFactor, Map<String, double[]> perGpuRange,
                         Map<String, List<Pattern>> regionGroups, Map<String, List<Pattern>> gpuTypePatterns,
                         Map<String, List<Pattern>> ignoreTypePatterns) {
    public static final String FILE = "catalog-checks.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CheckRules load(ResourceFolder facts) {
        if (!facts.exists(FILE)) {
            throw new CatalogException(facts.display(FILE) + ": missing (catalog update reads its thresholds there)");
        }
        JsonNode root;
        JsonNode schema;
        try {
            root = MAPPER.readTree(facts.read(FILE));
            schema = MAPPER.readTree(facts.read("schema/catalog-checks.schema.json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException(facts.display(FILE) + ": not valid JSON: " + e.getOriginalMessage());
        }
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema).validate(root);
        if (!errors.isEmpty()) {
            ValidationMessage first = errors.iterator().next();
            throw new CatalogException(facts.display(FILE) + ": " + first.getMessage());
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        root.path("onDemandUsdPerGpuHour").fields().forEachRemaining(e ->
                ranges.put(e.getKey(), new double[]{e.getValue().path("min").asDouble(), e.getValue().path("max").asDouble()}));
        return new CheckRules(root.path("spotFloorFraction").asDouble(), root.path("maxPriceMoveFactor").asDouble(),
                ranges, patterns(root.path("regionGroups")), patterns(root.path("gpuTypePatterns")),
                patterns(root.path("ignoreTypePatterns")));
    }

    private static Map<String, List<Pattern>> patterns(JsonNode node) {
        Map<String, List<Pattern>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<Pattern> list = new ArrayList<>();
            e.getValue().forEach(p -> list.add(Pattern.compile(p.asText())));
            out.put(e.getKey(), list);
        });
        return out;
    }

    /** The [min, max] on-demand USD per GPU-hour for this GPU id (the default range for others). */
    public double[] range(String gpuId) {
        return perGpuRange.getOrDefault(gpuId, perGpuRange.get("default"));
    }

    public Optional<String> regionGroup(String region) {
        for (Map.Entry<String, List<Pattern>> e : regionGroups.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.matcher(region).find())) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    public boolean isGpuType(String provider, String type) {
        return gpuTypePatterns.getOrDefault(provider, List.of()).stream().anyMatch(p -> p.matcher(type).find());
    }

    public boolean ignored(String provider, String type) {
        return ignoreTypePatterns.getOrDefault(provider, List.of()).stream().anyMatch(p -> p.matcher(type).find());
    }
}

package dev.ftadvisor.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ftadvisor.io.ResourceFolder;
import dev.ftadvisor.model.GpuSpec;
import dev.ftadvisor.model.InstanceSpec;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.ProviderSpec;
import dev.ftadvisor.model.VolumeSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the catalogs from a facts folder, checks each file against its JSON Schema in
 * {@code schema/}, then checks what a schema cannot: ids unique, aliases unambiguous, every instance's
 * GPU known. Any problem is a {@link CatalogException} naming the file and the entry.
 */
public final class CatalogLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ConcurrentHashMap<String, Catalog> CACHE = new ConcurrentHashMap<>();

    private final ResourceFolder folder;
    private final boolean checkSchemas;

    public CatalogLoader(ResourceFolder folder) {
        this(folder, true);
    }

    /** With checkSchemas false the JSON Schema pass is skipped (a folder the build already validated). */
    public CatalogLoader(ResourceFolder folder, boolean checkSchemas) {
        this.folder = folder;
        this.checkSchemas = checkSchemas;
    }

    /** One catalog per folder per process: batch workers and server requests share it. */
    public static Catalog load(ResourceFolder folder) {
        return CACHE.computeIfAbsent(folder.root().toUri().toString(),
                k -> new CatalogLoader(folder, !VerifiedFacts.isVerified(folder)).load());
    }

    public Catalog load() {
        List<GpuSpec> gpus = readList("gpus.json", "gpus", GpuSpec.class);
        List<InstanceSpec> instances = readList("instances.json", "instances", InstanceSpec.class);
        List<ModelSpec> models = readList("models.json", "models", ModelSpec.class);
        List<VolumeSpec> volumes = folder.exists("storage.json")
                ? readList("storage.json", "volumes", VolumeSpec.class) : List.of();
        List<ProviderSpec> providers = folder.exists("providers.json")
                ? readList("providers.json", "providers", ProviderSpec.class) : List.of();
        String asOf = readTree("instances.json").path("asOf").asText("");
        checkUnique("gpus.json", "gpus", gpus.stream().map(g -> g.id).toList(),
                gpus.stream().map(g -> g.aliases).toList());
        checkUnique("models.json", "models", models.stream().map(m -> m.id).toList(),
                models.stream().map(m -> m.aliases).toList());
        Catalog catalog = new Catalog(gpus, instances, models, volumes, providers, asOf);
        for (int i = 0; i < instances.size(); i++) {
            InstanceSpec inst = instances.get(i);
            if (catalog.gpu(inst.gpu).isEmpty()) {
                throw new CatalogException(folder.display("instances.json") + ": instances[" + i + "] ("
                        + inst.instanceType + "): gpu '" + inst.gpu + "' is not in gpus.json");
            }
        }
        return catalog;
    }

    private JsonNode readTree(String file) {
        if (!folder.exists(file)) {
            throw new CatalogException(folder.display(file) + ": missing (expected in the facts folder "
                    + folder.label() + ")");
        }
        try {
            return MAPPER.readTree(folder.read(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogException(folder.display(file) + ":" + line + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private <T> List<T> readList(String file, String listName, Class<T> type) {
        JsonNode root = readTree(file);
        if (checkSchemas) validate(file, listName, root);
        List<T> out = new ArrayList<>();
        JsonNode list = root.path(listName);
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(MAPPER.treeToValue(list.get(i), type));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CatalogException(folder.display(file) + ": " + listName + "[" + i + "]"
                        + entryName(list.get(i)) + ": " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private void validate(String file, String listName, JsonNode root) {
        String schemaFile = "schema/" + file.replace(".json", ".schema.json");
        if (!folder.exists(schemaFile)) {
            throw new CatalogException(folder.display(schemaFile) + ": missing schema for " + file);
        }
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(readTree(schemaFile));
        Set<ValidationMessage> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            ValidationMessage first = errors.iterator().next();
            String location = first.getInstanceLocation().toString();
            String entry = "";
            JsonNode list = root.path(listName);
            String prefix = "$." + listName + "[";
            if (location.startsWith(prefix)) {
                int end = location.indexOf(']', prefix.length());
                int index = Integer.parseInt(location.substring(prefix.length(), end));
                entry = " (entry " + index + entryName(list.get(index)) + ")";
            }
            JsonNode bad = root.at(pointer(location));
            String got = bad.isMissingNode() || bad.isContainerNode() ? "" : " (got " + bad + ")";
            throw new CatalogException(folder.display(file) + entry + ": " + first.getMessage() + got
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more schema errors)" : ""));
        }
    }

    /** "$.gpus[3].memoryGb" to the JSON pointer "/gpus/3/memoryGb". */
    static String pointer(String location) {
        String p = location.startsWith("$") ? location.substring(1) : location;
        return p.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    private static String entryName(JsonNode entry) {
        if (entry == null) return "";
        for (String f : List.of("id", "instanceType", "name")) {
            if (entry.hasNonNull(f)) return " " + entry.get(f).asText();
        }
        return "";
    }

    private void checkUnique(String file, String listName, List<String> ids, List<List<String>> aliases) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> names = new ArrayList<>();
            names.add(ids.get(i));
            names.addAll(aliases.get(i));
            Set<String> own = new HashSet<>();
            for (String n : names) {
                String k = Catalog.key(n);
                if (own.add(k) && !seen.add(k)) {
                    throw new CatalogException(folder.display(file) + ": " + listName + "[" + i + "] "
                            + ids.get(i) + ": name '" + n + "' is already used by another entry");
                }
            }
        }
    }
}

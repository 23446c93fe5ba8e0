package dev.ftadvisor.facts;

import dev.ftadvisor.model.GpuSpec;
import dev.ftadvisor.model.InstanceSpec;
import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.ProviderSpec;
import dev.ftadvisor.model.VolumeSpec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The loaded facts: GPUs, instances with prices, models and storage volumes. Immutable. */
public final class Catalog {
    private final List<GpuSpec> gpus;
    private final List<InstanceSpec> instances;
    private final List<ModelSpec> models;
    private final List<VolumeSpec> volumes;
    private final List<ProviderSpec> providers;
    private final Map<String, ProviderSpec> providerById = new LinkedHashMap<>();
    private final String asOf;
    private final Map<String, GpuSpec> gpuByName = new LinkedHashMap<>();
    private final Map<String, ModelSpec> modelByName = new LinkedHashMap<>();

    public Catalog(List<GpuSpec> gpus, List<InstanceSpec> instances, List<ModelSpec> models,
                   List<VolumeSpec> volumes, String asOf) {
        this(gpus, instances, models, volumes, List.of(), asOf);
    }

    public Catalog(List<GpuSpec> gpus, List<InstanceSpec> instances, List<ModelSpec> models,
                   List<VolumeSpec> volumes, List<ProviderSpec> providers, String asOf) {
        this.providers = List.copyOf(providers);
        for (ProviderSpec p : providers) providerById.put(p.id, p);
        this.gpus = List.copyOf(gpus);
        this.instances = List.copyOf(instances);
        this.models = List.copyOf(models);
        this.volumes = List.copyOf(volumes);
        this.asOf = asOf;
        for (GpuSpec g : gpus) {
            gpuByName.put(key(g.id), g);
            g.aliases.forEach(a -> gpuByName.putIfAbsent(key(a), g));
        }
        for (ModelSpec m : models) {
            modelByName.put(key(m.id), m);
            m.aliases.forEach(a -> modelByName.putIfAbsent(key(a), m));
        }
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public List<GpuSpec> gpus() { return gpus; }
    public List<InstanceSpec> instances() { return instances; }
    public List<ModelSpec> models() { return models; }
    public List<VolumeSpec> volumes() { return volumes; }
    public List<ProviderSpec> providers() { return providers; }

    /** The provider's spot-market facts; one the facts do not describe has no spot market. */
    public ProviderSpec provider(String id) {
        ProviderSpec p = providerById.get(id);
        return p != null ? p : ProviderSpec.unknown(id);
    }

    /** The date of the price catalog (the instances file's {@code asOf}). */
    public String asOf() { return asOf; }

    public Optional<GpuSpec> gpu(String name) {
        return Optional.ofNullable(gpuByName.get(key(name)));
    }

    public Optional<ModelSpec> model(String name) {
        return Optional.ofNullable(modelByName.get(key(name)));
    }

    /** Every name a model can be asked for by: ids and aliases. */
    public Collection<String> modelNames() {
        return modelByName.keySet();
    }
}

package dev.ftadvisor.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plans a report will show (the ranking's head and the recommendation's alternatives), inserted
 * by the engine once the plans are ranked, for the "advice" rules: operations and storage advice
 * speaks of the providers and volumes the team will actually read about, in their own names.
 */
public final class ShownPlans {
    private final List<Candidate> plans;
    private final Set<String> providers;
    private final Set<String> pricings;
    private final Set<String> storageVolumes;
    private final boolean anyWithoutBf16;

    public ShownPlans(List<Candidate> plans) {
        this.plans = List.copyOf(plans);
        Set<String> providers = new TreeSet<>();
        Set<String> pricings = new TreeSet<>();
        Set<String> volumes = new TreeSet<>();
        boolean withoutBf16 = false;
        for (Candidate c : plans) {
            withoutBf16 |= !c.isBf16Supported();
            providers.add(c.getProvider());
            pricings.add(c.getPricing());
            if (c.getStorageVolume() != null) volumes.add(c.getStorageVolume());
        }
        this.providers = Collections.unmodifiableSet(providers);
        this.pricings = Collections.unmodifiableSet(pricings);
        this.storageVolumes = Collections.unmodifiableSet(volumes);
        this.anyWithoutBf16 = withoutBf16;
    }

    /** Whether some shown plan is on a GPU without bf16. */
    public boolean isAnyWithoutBf16() { return anyWithoutBf16; }

    public List<Candidate> getPlans() { return plans; }
    public int getCount() { return plans.size(); }
    /** Providers of the shown plans. */
    public Set<String> getProviders() { return providers; }
    /** Pricing models of the shown plans. */
    public Set<String> getPricings() { return pricings; }
    /** The catalogued storage volumes the shown plans mount, by name (e.g. "EBS gp3"). */
    public Set<String> getStorageVolumes() { return storageVolumes; }
    /** The volume names joined for a message ("EBS gp3, PD-SSD"), or "" when none is catalogued. */
    public String getStorageVolumeNames() { return String.join(", ", storageVolumes); }

    @Override
    public String toString() {
        return "ShownPlans(" + plans.size() + " plans, providers " + providers + ")";
    }
}

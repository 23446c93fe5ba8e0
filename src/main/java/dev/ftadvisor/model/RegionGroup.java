package dev.ftadvisor.model;

import java.util.List;

/**
 * A region group (us, eu, cn, ap) among the proposal's configurations, with how many configurations and
 * which regions it holds. Inserted by the engine before the gates fire, so that a rule can judge a whole
 * region group at once (the requested region as a requirement) instead of each configuration in it.
 */
public final class RegionGroup {
    private final String name;
    private final int configurations;
    private final List<String> regions;

    public RegionGroup(String name, int configurations, List<String> regions) {
        this.name = name;
        this.configurations = configurations;
        this.regions = List.copyOf(regions);
    }

    public String getName() { return name; }
    /** How many of the proposal's configurations lie in this group. */
    public int getConfigurations() { return configurations; }
    /** The catalog regions of those configurations, in catalog order. */
    public List<String> getRegions() { return regions; }
    /** The regions joined for a message ("us-east-1, us-central1"). */
    public String getRegionNames() { return String.join(", ", regions); }

    @Override
    public String toString() {
        return "RegionGroup(" + name + ", " + configurations + " configurations in " + regions + ")";
    }
}

package dev.ftadvisor.model;

/**
 * How a provider sells interruptible capacity (facts/providers.json): whether it has a spot market at
 * all, its name, the eviction notice and whether a multi-node job can be bought on it.
 */
public class ProviderSpec {
    public String id;
    public String name;
    public boolean spotMarket;
    public String spotMarketName;
    public Integer evictionNoticeSeconds;
    public boolean multiNodeSpot;
    public String source;
    public String quote;
    public String notes;

    /** A provider the facts folder does not describe: no spot market is assumed (no price is invented). */
    public static ProviderSpec unknown(String id) {
        ProviderSpec p = new ProviderSpec();
        p.id = id;
        p.name = id;
        return p;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public boolean isSpotMarket() { return spotMarket; }
    public String getSpotMarketName() { return spotMarketName; }
    public Integer getEvictionNoticeSeconds() { return evictionNoticeSeconds; }
    public boolean isMultiNodeSpot() { return multiNodeSpot; }
}

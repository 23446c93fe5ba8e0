package dev.ftadvisor.estimate;

import dev.ftadvisor.model.InstanceSpec;

/**
 * What a run costs under each pricing model. On-demand bills the hours; spot bills at the published
 * spot price (or the guide's range when none is published) plus the work redone after interruptions;
 * reserved bills the whole commitment even when the run is shorter.
 */
public final class CostEstimator {
    /**
     * Fallback spot discount when the catalog has no spot price: the guide says spot saves 50-90%
     * (cost.spot); 50% is the end of that range that does not flatter the plan.
     */
    static final double FALLBACK_SPOT_DISCOUNT = 0.50;
    /**
     * Expected spot interruptions per instance-hour for GPU capacity: 1 per 50 hours. AWS's Spot
     * Instance Advisor puts most GPU types in its ">20% per month" interruption band; practitioners
     * report far more frequent reclaims for 8-GPU nodes in busy regions, so this sits between.
     */
    static final double INTERRUPTIONS_PER_HOUR = 0.02;
    /** Re-provisioning a node and reloading the last checkpoint after an interruption. */
    static final double RESTART_HOURS = 0.25;
    /** A reservation without a published term is assumed to commit for one month (730 h). */
    static final double HOURS_PER_MONTH = 730;

    private CostEstimator() {
    }

    public record Priced(String pricing, double usdPerHour, String basis, double reworkHours,
                         double hours, double billedHours, double costUsd) {
    }

    public static Priced onDemand(InstanceSpec i, int nodes, double hours) {
        return new Priced("on-demand", i.onDemandUsdHour, "published", 0, hours, hours,
                hours * i.onDemandUsdHour * nodes);
    }

    public static Priced spot(InstanceSpec i, int nodes, double hours, double checkpointIntervalHours) {
        boolean published = i.spotUsdHour != null;
        double price = published ? i.spotUsdHour : i.onDemandUsdHour * (1 - FALLBACK_SPOT_DISCOUNT);
        double rework = reworkHours(hours, nodes, checkpointIntervalHours);
        double total = hours + rework;
        return new Priced("spot", price, published ? "published" : "estimated: the guide's 50-90% saving at its 50% end", rework, total, total,
                total * price * nodes);
    }

    /** Work lost to interruptions: each loses half a checkpoint interval on average, plus a restart. */
    public static double reworkHours(double hours, int nodes, double checkpointIntervalHours) {
        double interruptions = hours * INTERRUPTIONS_PER_HOUR * nodes;
        return interruptions * (checkpointIntervalHours / 2 + RESTART_HOURS);
    }

    /** Null when the instance has no published reserved price. */
    public static Priced reserved(InstanceSpec i, int nodes, double hours) {
        if (i.reservedUsdHour == null) return null;
        double term = (i.reservedTermMonths == null ? 1 : i.reservedTermMonths) * HOURS_PER_MONTH;
        double billed = Math.max(hours, term);
        return new Priced("reserved", i.reservedUsdHour, i.reservedTermMonths == null ? "published, term assumed 1 month"
                : "published, " + i.reservedTermMonths + "-month term", 0, hours, billed, billed * i.reservedUsdHour * nodes);
    }
}

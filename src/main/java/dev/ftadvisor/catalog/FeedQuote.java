package dev.ftadvisor.catalog;

/**
 * One price a feed publishes, already filtered and converted to USD per instance-hour.
 *
 * <p>Most quotes price a whole instance ({@code instanceType} set). Two feeds split an instance's price:
 * the SkyPilot GCP catalog lists a machine type's host price (vCPUs and memory only, {@code hostOnly})
 * and, on separate rows, the price of N attached GPUs ({@code instanceType} null, {@code accelerator}
 * and {@code acceleratorCount} set). The update adds the two for a catalog row with that GPU and count.
 *
 * @param region   the provider's region name (zones already folded into their region)
 * @param gpuCount GPUs per instance when the feed says so (null: the feed does not say)
 * @param specs    what the feed says about the instance (shown for rows to curate), never written
 * @param row      the feed row the price came from, as quoted in the catalog
 */
public record FeedQuote(String provider, String instanceType, String region, Kind kind, double usdPerHour,
                        Integer termMonths, boolean hostOnly, String accelerator, int acceleratorCount,
                        Integer gpuCount, String specs, String row) {

    /** Which price of a row the quote is. */
    public enum Kind {
        ON_DEMAND("on-demand"), SPOT("spot"), RESERVED("reserved");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static FeedQuote instance(String provider, String instanceType, String region, Kind kind, double usd,
                                     Integer gpuCount, String specs, String row) {
        return new FeedQuote(provider, instanceType, region, kind, usd, null, false, null, 0, gpuCount, specs, row);
    }

    public static FeedQuote reserved(String provider, String instanceType, String region, double usd, int termMonths,
                                     Integer gpuCount, String specs, String row) {
        return new FeedQuote(provider, instanceType, region, Kind.RESERVED, usd, termMonths, false, null, 0,
                gpuCount, specs, row);
    }

    public static FeedQuote host(String provider, String instanceType, String region, Kind kind, double usd,
                                 String specs, String row) {
        return new FeedQuote(provider, instanceType, region, kind, usd, null, true, null, 0, null, specs, row);
    }

    public static FeedQuote accelerator(String provider, String accelerator, int count, String region, Kind kind,
                                        double usd, String row) {
        return new FeedQuote(provider, null, region, kind, usd, null, false, accelerator, count, count, null, row);
    }

    public boolean isAccelerator() {
        return instanceType == null;
    }
}

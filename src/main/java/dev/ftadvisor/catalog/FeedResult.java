package dev.ftadvisor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one feed gave: the quotes kept, and how many feed rows each filter dropped (Windows,
 * dedicated tenancy, commitment, DWS, non-USD ...), so the diff can say what was left out and why.
 */
public final class FeedResult {
    private final String feed;
    private final String where;
    private final List<FeedQuote> quotes = new ArrayList<>();
    private final Map<String, Integer> dropped = new TreeMap<>();
    private int rowsRead;

    public FeedResult(String feed, String where) {
        this.feed = feed;
        this.where = where;
    }

    /** The feed's id: aws, azure, skypilot-gcp, skypilot-lambda, skypilot-aws, gpuhunt. */
    public String feed() { return feed; }

    /** The file or URL read. */
    public String where() { return where; }

    public List<FeedQuote> quotes() { return quotes; }

    public Map<String, Integer> dropped() { return dropped; }

    public int rowsRead() { return rowsRead; }

    void read() {
        rowsRead++;
    }

    void add(FeedQuote q) {
        quotes.add(q);
    }

    void drop(String reason) {
        dropped.merge(reason, 1, Integer::sum);
    }

    void merge(FeedResult other) {
        quotes.addAll(other.quotes);
        other.dropped.forEach((k, v) -> dropped.merge(k, v, Integer::sum));
        rowsRead += other.rowsRead;
    }
}

package dev.ftadvisor.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an update would change, as a diff: price moves, rows added, refused, kept, to curate. */
public final class UpdatePlan {
    public record Move(String row, String price, Double before, double after) {
    }

    public record Refusal(String row, String why) {
    }

    public record Curate(String type, String specs, Collection<String> regions, String cheapestRegion, double usd,
                         boolean hostOnly) {
    }

    public record Added(String row, double onDemand) {
    }

    private final List<FeedResult> feeds;
    private final String oldAsOf;
    private final String asOf;
    private final List<Move> moves = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    private final List<String> notInFeed = new ArrayList<>();
    private final List<Curate> curate = new ArrayList<>();
    private final List<Added> added = new ArrayList<>();
    private final List<String> otherRegions = new ArrayList<>();
    private ObjectNode result;

    UpdatePlan(List<FeedResult> feeds, String oldAsOf, String asOf) {
        this.feeds = feeds;
        this.oldAsOf = oldAsOf;
        this.asOf = asOf;
    }

    void move(String row, String price, Double before, double after) { moves.add(new Move(row, price, before, after)); }
    void unchanged(String row) { unchanged.add(row); }
    void refused(String row, String why) { refused.add(new Refusal(row, why)); }
    void notInFeed(String row) { notInFeed.add(row); }
    void curate(String type, String specs, Collection<String> regions, String cheapest, double usd, boolean hostOnly) {
        curate.add(new Curate(type, specs, List.copyOf(regions), cheapest, usd, hostOnly));
    }
    void added(String row, double od) { added.add(new Added(row, od)); }
    void otherRegion(String line) { otherRegions.add(line); }
    void result(ObjectNode root) { this.result = root; }

    public ObjectNode result() { return result; }
    public List<Move> moves() { return moves; }
    public List<Refusal> refusals() { return refused; }
    public List<String> notInFeed() { return notInFeed; }
    public List<Curate> toCurate() { return curate; }
    public List<Added> added() { return added; }
    public List<String> unchanged() { return unchanged; }

    /** True when the new catalog differs from the old one. */
    public boolean changed() {
        return !moves.isEmpty() || !added.isEmpty();
    }

    public void print(PrintWriter out, String file, boolean dryRun) {
        out.printf("catalog update%s: %s (asOf %s), prices read %s%n", dryRun ? " --dry-run (nothing written)" : "",
                file, oldAsOf, asOf);
        for (FeedResult f : feeds) {
            String dropped = f.dropped().isEmpty() ? "" : "; dropped: " + f.dropped().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            out.printf("feed %s %s: %d rows read, %d prices kept%s%n", f.feed(), f.where(), f.rowsRead(),
                    f.quotes().size(), dropped);
        }
        section(out, "price moves (old -> new)", moves.stream().map(m -> String.format(Locale.ROOT, "%s: %s %s -> %s%s",
                m.row(), m.price(), m.before() == null ? "-" : CatalogUpdate.usd(m.before()), CatalogUpdate.usd(m.after()),
                m.before() == null || m.before() == 0 ? "" : String.format(Locale.ROOT, " (x%.2f)", m.after() / m.before())))
                .toList());
        section(out, "added rows", added.stream().map(a -> a.row() + ": on-demand " + CatalogUpdate.usd(a.onDemand())).toList());
        section(out, "refused by the checks (old prices kept)", refused.stream().map(r -> r.row() + ": " + r.why()).toList());
        section(out, "not in feed, kept (the feeds price this provider and region but not this row)", notInFeed);
        section(out, "rows to curate (in a feed, not in the catalog; specs are not guessed, nothing written)",
                curate.stream().map(c -> String.format(Locale.ROOT, "%s: %s; regions %s; on-demand %s in %s%s", c.type(),
                        c.specs(), String.join(", ", c.regions()), CatalogUpdate.usd(c.usd()), c.cheapestRegion(),
                        c.hostOnly() ? " (host only, GPUs extra)" : "")).toList());
        if (!otherRegions.isEmpty()) {
            section(out, "other regions of catalog types in the feed (not added; --add-regions adds the cheapest"
                    + " region of each missing region group)", otherRegions);
        }
        out.printf("summary: %d price moves, %d rows unchanged, %d added, %d refused, %d not in feed (kept), %d to curate%n",
                moves.size(), unchanged.size(), added.size(), refused.size(), notInFeed.size(), curate.size());
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        out.printf("%s: %s%n", title, lines.isEmpty() ? "none" : lines.size());
        lines.forEach(l -> out.println("  " + l));
    }
}

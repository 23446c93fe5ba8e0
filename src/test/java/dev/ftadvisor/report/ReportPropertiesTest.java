package dev.ftadvisor.report;

import dev.ftadvisor.ranking.PlanRanking;

import dev.ftadvisor.ranking.PlanFindings;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.EdgeCasesMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's invariants, over generated proposals (every catalog model, every method, sizes, budgets,
 * deadlines, regions, spot on / off / unset, provider restrictions, both objectives): no shown plan is
 * dominated by a plan ranked below it, no spot plan on a provider without a spot market, a feasible
 * verdict only with a first plan in the requested region that works as proposed, every plan's cost is
 * its price x billed hours x nodes + storage, and every message is fully formatted.
 */
class ReportPropertiesTest {
    private static final List<String> METHODS = List.of("full", "freeze", "lora", "qlora", "prefix-tuning", "p-tuning");
    private static final List<String> REGIONS = List.of("us", "eu", "cn", "ap");
    private static final List<String> PROVIDERS = List.of("aws", "gcp", "azure", "aliyun", "lambda");
    /** A placeholder left in a message, or a unit with no number before it ("its h", "of GB"). */
    private static final Pattern UNFORMATTED = Pattern.compile(
            "\\{\\d|\\bnull\\b|\\bNaN\\b|Infinity|\\b(?:its|the|of|include|includes|with|and|in|at|for) (?:h|GB|Gbps|TB)\\b");

    @Provide
    Arbitrary<String> proposals() {
        Catalog catalog = TestSupport.catalog();
        List<String> models = catalog.models().stream().map(m -> m.id).toList();
        Arbitrary<String> model = Arbitraries.of(models);
        Arbitrary<String> method = Arbitraries.of(METHODS);
        Arbitrary<Integer> tokensM = Arbitraries.of(1, 5, 20, 100, 500, 2000);
        Arbitrary<Integer> seq = Arbitraries.of(512, 1024, 2048, 4096);
        Arbitrary<Integer> epochs = Arbitraries.of(1, 2, 3);
        Arbitrary<String> budget = Arbitraries.of("", "\"budgetUsd\":20,", "\"budgetUsd\":200,", "\"budgetUsd\":2000,", "\"budgetUsd\":50000,");
        Arbitrary<String> deadline = Arbitraries.of("", "\"deadlineHours\":4,", "\"deadlineHours\":24,", "\"deadlineHours\":168,");
        Arbitrary<String> region = Arbitraries.of(REGIONS).injectNull(0.3).map(r -> r == null ? "" : "\"region\":\"" + r + "\",");
        Arbitrary<String> spot = Arbitraries.of("", "\"spotAllowed\":true,", "\"spotAllowed\":false,", "\"spotAllowed\":true,\"multiNodeSpot\":true,");
        Arbitrary<String> objective = Arbitraries.of("", "\"objective\":\"cost\",", "\"objective\":\"time\",");
        Arbitrary<String> providers = Arbitraries.subsetOf(PROVIDERS).injectDuplicates(0)
                .map(s -> s.isEmpty() || s.size() == PROVIDERS.size() ? ""
                        : "\"providers\":[" + String.join(",", s.stream().map(x -> "\"" + x + "\"").toList()) + "],");
        return Combinators.combine(List.of(model, method, tokensM.map(String::valueOf), seq.map(String::valueOf),
                        epochs.map(String::valueOf), budget, deadline, region, spot, objective, providers))
                .as(parts -> "{\"model\":\"" + parts.get(0) + "\",\"method\":\"" + parts.get(1) + "\","
                        + "\"dataset\":{\"tokens\":\"" + parts.get(2) + "M\"},\"sequenceLength\":" + parts.get(3)
                        + ",\"epochs\":" + parts.get(4) + "," + parts.get(5) + parts.get(6) + parts.get(7) + parts.get(8)
                        + parts.get(9) + parts.get(10) + "\"id\":\"generated\"}");
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyReportKeepsItsInvariants(@ForAll("proposals") String json) {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(json), false);
        Report report = ReportBuilder.build(o, "test", false);
        PlanFindings by = PlanFindings.of(o.findings());
        Catalog catalog = TestSupport.catalog();
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (Candidate c : o.candidates()) byKey.put(c.getKey(), c);

        // no shown plan is dominated by a plan ranked below it
        List<Candidate> ranking = o.ranking();
        for (Report.Plan p : report.plans()) {
            Candidate shown = byKey.get(key(p));
            int at = ranking.indexOf(shown);
            assertThat(at).as("shown plan %s is ranked", key(p)).isGreaterThanOrEqualTo(0);
            for (Candidate below : ranking.subList(at + 1, ranking.size())) {
                assertThat(PlanRanking.dominates(below, shown, by))
                        .as("%s (shown #%d) is dominated by %s ranked below it: %s", key(p), p.rank(), below.getKey(), json)
                        .isFalse();
            }
        }
        // no spot plan where the provider sells no spot capacity
        for (Candidate c : o.candidates()) {
            if (c.isSpot()) {
                assertThat(catalog.provider(c.getProvider()).spotMarket).as("spot on %s", c.getKey()).isTrue();
            }
        }
        // feasible only with a first plan that works as proposed, in the requested region
        if (Verdict.FEASIBLE.equals(report.verdict())) {
            Report.Plan first = report.plans().get(0);
            assertThat(first.inRegion()).as("feasible with the first plan out of region: %s", json).isTrue();
            assertThat(first.withinBudget() && first.withinDeadline() && first.recommendable())
                    .as("feasible with a first plan that misses: %s", json).isTrue();
            String region = o.resolved().proposal().getRegion();
            if (region != null) assertThat(byKey.get(key(first)).getRegionGroup()).isEqualTo(region);
        }
        // the recommendation names shown plans
        if (report.recommendation() != null) {
            assertThat(report.recommendation().rank()).isEqualTo(1);
            for (Report.Alternative a : alternatives(report.recommendation())) {
                assertThat(a.rank()).isBetween(1, report.plans().size());
                assertThat(a.trade()).isNotBlank();
            }
        }
        // cost = price x billed hours x nodes + storage
        for (Candidate c : o.candidates()) {
            double expected = c.getUsdPerHour() * c.getBilledHours() * c.getNodes() + c.getStorageCostUsd();
            assertThat(c.getCostUsd()).as("cost of %s", c.getKey()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05 + expected * 0.001));
        }
        // every message formatted
        List<String> messages = new ArrayList<>();
        messages.add(report.summary());
        for (Finding f : o.findings()) messages.add(f.getMessage());
        if (report.recommendation() != null) {
            messages.addAll(report.recommendation().why());
            alternatives(report.recommendation()).forEach(a -> messages.add(a.trade()));
        }
        for (Report.Change c : report.changes()) messages.add(c.description());
        for (String m : messages) {
            assertThat(m).as("message of %s", json).isNotBlank();
            assertThat(UNFORMATTED.matcher(m).find()).as("unformatted message: %s", m).isFalse();
        }
    }

    private static List<Report.Alternative> alternatives(Report.Recommendation r) {
        List<Report.Alternative> out = new ArrayList<>();
        for (Report.Alternative a : new Report.Alternative[] {r.cheapest(), r.fastest(), r.onDemand()}) {
            if (a != null) out.add(a);
        }
        return out;
    }

    private static String key(Report.Plan p) {
        return p.provider() + "/" + p.instanceType() + "/" + p.region() + "/x" + p.nodes() + "/" + p.pricing();
    }
}

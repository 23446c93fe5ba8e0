package dev.ftadvisor.engine;

import dev.ftadvisor.estimate.Estimator;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.ChangeOption;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Estimate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.RegionGroup;
import dev.ftadvisor.model.ShownPlans;
import dev.ftadvisor.model.Thresholds;
import dev.ftadvisor.model.StandingPlans;
import dev.ftadvisor.model.Verdict;
import dev.ftadvisor.ranking.PlanFindings;
import dev.ftadvisor.ranking.PlanRanking;
import dev.ftadvisor.ranking.Recommender;
import dev.ftadvisor.ranking.ShownPlanList;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.List;

/**
 * Runs one consultation: derives the numbers in Java, inserts them with the proposal into a fresh
 * session of the shared knowledge base, and fires the rules in phases: the hardware gate rules, which
 * read the configurations from the entry point "proposed" and reject what cannot run at all; the
 * judging rules (agenda group MAIN) on the configurations the gates left and their candidates (the
 * pricing gate first, by salience); the "plans" rules, advice about the plans as a whole, over one
 * StandingPlans fact; then the verdict rules ("verdict"), which read the same fact's count of plans
 * within budget and deadline. When no verdict rule found a plan that works as asked, the change
 * explorer consults variants of the proposal and inserts them as ChangeOption facts; the "changes"
 * rules decide which to offer, and the "verdict-final" rules conclude (feasible-with-changes or
 * infeasible). Last, the plans are ranked as the rules asked (objective, tie tolerance, tie-break
 * weights), and the "advice" rules speak about the plans the report will show (ShownPlans). Thread-safe: one Advisor serves every batch worker or server request.
 */
public final class Advisor {
    /** The entry point of the hardware gate rules, which see every configuration before any other rule does. */
    public static final String PROPOSED = "proposed";
    /** The fact types the engine inserts into each named entry point (the linter flags other patterns there). */
    public static final java.util.Map<String, java.util.Set<String>> ENTRY_POINT_FACTS =
            java.util.Map.of(PROPOSED, java.util.Set.of("Configuration"));
    public static final String PLANS_GROUP = "plans";
    public static final String VERDICT_GROUP = "verdict";
    public static final String CHANGES_GROUP = "changes";
    public static final String FINAL_VERDICT_GROUP = "verdict-final";
    /** Advice about the plans the report will show (after ranking): operations and storage in the shown providers' names. */
    public static final String ADVICE_GROUP = "advice";


    private final RuleSet rules;
    private final Thresholds thresholds;
    private final Catalog catalog;
    private final EngineLimits limits;
    private final Estimator estimator;
    private final ChangeExplorer explorer;
    /** Whether any rule can judge a change option: without one, exploring variants is wasted work. */
    private final boolean hasChangeRules;
    /** Whether the rules declare the thresholds global (a folder without thresholds.yaml may not). */
    private final boolean readsThresholds;

    public Advisor(RuleSet rules, Catalog catalog) {
        this(rules, catalog, EngineLimits.DEFAULT);
    }

    /** With the time and firing limits every consultation runs under (see {@link RuleRunner}). */
    public Advisor(RuleSet rules, Catalog catalog, EngineLimits limits) {
        this(rules, catalog, limits, ThresholdsFile.load(rules.folder()));
    }

    /** With the named thresholds given (the mutation tester's moved values) rather than the folder's. */
    public Advisor(RuleSet rules, Catalog catalog, EngineLimits limits, Thresholds thresholds) {
        this.rules = rules;
        this.thresholds = thresholds;
        this.catalog = catalog;
        this.limits = limits;
        this.estimator = new Estimator(catalog);
        this.explorer = new ChangeExplorer(this);
        this.readsThresholds = rules.kieBase().getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> "th".equals(g.getName())));
        this.hasChangeRules = rules.kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .anyMatch(r -> r instanceof org.drools.base.definitions.rule.impl.RuleImpl ri
                        && (CHANGES_GROUP.equals(ri.getRuleFlowGroup()) || CHANGES_GROUP.equals(ri.getAgendaGroup())));
    }

    public RuleSet rules() { return rules; }

    public Thresholds thresholds() { return thresholds; }

    public Catalog catalog() { return catalog; }

    public EngineLimits limits() { return limits; }

    public Outcome consult(ResolvedProposal r, boolean trace) {
        return consult(r, trace, true);
    }

    /**
     * With {@code exploreChanges} false (a variant's own run, which no report shows), a proposal
     * nothing fits gets no variants, and the plans are ranked only when the variant works.
     */
    public Outcome consult(ResolvedProposal r, boolean trace, boolean exploreChanges) {
        return RuleRunner.run(rules, limits, () -> {
            Estimate estimate = estimator.estimate(r);
            List<Candidate> candidates = estimator.candidates(r);
            return judgeNow(r, estimate, candidates, trace, exploreChanges);
        });
    }

    /**
     * The configurations of the candidates, in order. The estimator lists a configuration's candidates
     * next to each other; a configuration met again further on (a hand-made list) is listed again, which
     * inserting tolerates: a session holds an object once, however often it is inserted.
     */
    static List<Configuration> configurations(List<Candidate> candidates) {
        List<Configuration> out = new java.util.ArrayList<>();
        Configuration last = null;
        for (Candidate c : candidates) {
            if (c.getConfiguration() != last) {
                last = c.getConfiguration();
                out.add(last);
            }
        }
        return out;
    }

    /** The configurations' region groups, in catalog order, with their counts and regions. */
    static List<RegionGroup> regionGroups(List<Configuration> configurations) {
        // a handful of groups and regions: linear lists beat hashing here (once per consultation, in batches)
        List<String> names = new java.util.ArrayList<>(4);
        List<List<String>> regions = new java.util.ArrayList<>(4);
        int[] counts = new int[8];
        for (Configuration c : configurations) {
            int g = names.indexOf(c.getRegionGroup());
            if (g < 0) {
                g = names.size();
                names.add(c.getRegionGroup());
                regions.add(new java.util.ArrayList<>(4));
                if (g == counts.length) counts = java.util.Arrays.copyOf(counts, g * 2);
            }
            counts[g]++;
            List<String> rs = regions.get(g);
            if (!rs.contains(c.getRegion())) rs.add(c.getRegion());
        }
        List<RegionGroup> out = new java.util.ArrayList<>(names.size());
        for (int g = 0; g < names.size(); g++) out.add(new RegionGroup(names.get(g), counts[g], regions.get(g)));
        return out;
    }

    /** The candidates no rule rejected (nor their configuration), and how many of them work as proposed. */
    private static StandingPlans standingPlans(List<Candidate> candidates, RuleOutput out) {
        List<Candidate> standing = new java.util.ArrayList<>();
        int within = 0;
        for (Candidate c : candidates) {
            if (out.isStanding(c)) {
                standing.add(c);
                if (out.isAsProposed(c)) within++;
            }
        }
        return new StandingPlans(standing, within);
    }

    /** Fires one phase; a rules folder without rules in that group (the benchmark's empty set) skips it. */
    private void focus(KieSession session, Firings firings, String group) {
        var agendaGroup = session.getAgenda().getAgendaGroup(group);
        if (agendaGroup != null) {
            agendaGroup.setFocus();
            fire(session, firings);
        }
    }

    /** The rule firings of one session so far, against the limit. */
    private static final class Firings {
        int count;
    }

    /**
     * A rule that throws while it is evaluated is a broken rules folder (exit 3), named by file and line;
     * so is a session that reaches the firing limit (rules that keep activating each other).
     */
    private void fire(KieSession session, Firings firings) {
        RuleRunner.Run run = RuleRunner.current();
        if (run != null) run.checkpoint();
        int left = limits.maxFirings() - firings.count;
        try {
            if (left > 0) firings.count += session.fireAllRules(left);
            if (firings.count >= limits.maxFirings()) {
                RuleInfo looping = FiringProbe.busiest(session, rules.index());
                if (looping != null) {
                    throw new RuleFailedException(RuleFailedException.Kind.FIRING_LIMIT, looping.file(), looping.line(),
                            "rule '" + looping.name() + "'" + (looping.id() == null ? "" : " (" + looping.id() + ")")
                                    + " kept firing: the consultation reached " + limits.maxFirings()
                                    + " rule firings (the limit, --max-firings): stopped");
                }
            }
        } catch (RuleFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RuleFailure.of(e, rules.index());
        }
        if (run != null) run.checkpoint();
    }

    /**
     * The hardware gates on the configurations (entry point "proposed"), then the judging rules on the
     * configurations they left and those configurations' candidates.
     */
    private List<Candidate> judgeCandidates(KieSession session, Firings firings, RuleOutput out, List<Candidate> candidates) {
        List<Configuration> configurations = configurations(candidates);
        var proposed = session.getEntryPoint(PROPOSED);
        if (proposed != null) {
            // admission: the hardware gate rules (entry point "proposed") reject configurations that
            // cannot run at all; only what they leave enters the judging rules, which never see the rest
            for (Configuration c : configurations) {
                proposed.insert(c);
            }
            // the region groups, for gates that judge a whole group at once (the requested region)
            for (RegionGroup g : regionGroups(configurations)) session.insert(g);
            fire(session, firings);
        }
        // a configuration a gate marked a miss (outside the requested region) cannot make the proposal
        // work as asked: it is not judged further (the report lists it with the gate's reason; when
        // nothing in the region works, the change explorer consults the proposal without its region)
        java.util.Set<Configuration> skipped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Configuration c : configurations) {
            if (out.isRejected(c) || out.isMissed(c) || out.isRegionGroupSetAside(c.getRegionGroup())) {
                skipped.add(c);
            } else {
                session.insert(c);
            }
        }
        // the candidates (pricing models) of the configurations left: few rules see them, so the
        // pricing gate (pricing.spot-not-allowed) judges them here, first by its salience
        List<Candidate> inserted = new java.util.ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (!skipped.contains(c.getConfiguration())) {
                session.insert(c);
                inserted.add(c);
            }
        }
        out.candidatesInserted(inserted);
        fire(session, firings);
        return inserted;
    }

    /** The "plans" rules, then the verdict rules, over the candidates left standing. */
    private void judgePlans(KieSession session, Firings firings, RuleOutput out, List<Candidate> candidates) {
        // advice about the plans as a whole, and the verdict, read the candidates left standing
        FactHandle plans = session.insert(standingPlans(candidates, out));
        int judged = out.judgments();
        focus(session, firings, PLANS_GROUP);
        if (out.judgments() != judged) {
            // a "plans" rule rejected a plan or marked one over budget or deadline: the verdict
            // reads the plans standing now
            session.delete(plans);
            session.insert(standingPlans(candidates, out));
        }
        focus(session, firings, VERDICT_GROUP);
    }

    public Outcome judge(ResolvedProposal r, Estimate estimate, List<Candidate> candidates, boolean trace) {
        return judge(r, estimate, candidates, trace, true);
    }

    public Outcome judge(ResolvedProposal r, Estimate estimate, List<Candidate> candidates, boolean trace,
                         boolean exploreChanges) {
        return RuleRunner.run(rules, limits, () -> judgeNow(r, estimate, candidates, trace, exploreChanges));
    }

    private Outcome judgeNow(ResolvedProposal r, Estimate estimate, List<Candidate> candidates, boolean trace,
                             boolean exploreChanges) {
        KieSession session = rules.kieBase().newKieSession();
        RuleRunner.Run run = RuleRunner.current();
        if (run != null) run.opened(session);
        Firings firings = new Firings();
        try {
            RuleOutput out = new RuleOutput(rules.index());
            session.setGlobal("out", out);
            // the named thresholds, read in conditions as th.value(name): a global keeps those constraints
            // on the one fact they test (alpha nodes) rather than a join with a thresholds fact per rule
            if (readsThresholds) session.setGlobal("th", thresholds);
            TraceListener listener = null;
            if (trace) {
                listener = new TraceListener(rules.index());
                session.addEventListener(listener);
            }
            session.insert(r.proposal());
            session.insert(r.model());
            session.insert(estimate);
            List<Candidate> judged = judgeCandidates(session, firings, out, candidates);
            judgePlans(session, firings, out, judged);
            List<ChangeOption> changes = List.of();
            // what the findings say of each plan; the later phases add only findings about the proposal
            // (changes, advice), so the ranking reads the same groups
            PlanFindings by = null;
            if (out.verdict() == null && exploreChanges && hasChangeRules) {
                // the verdict rules found no plan that works as asked: measure what would
                by = PlanFindings.of(List.copyOf(out.findings()));
                changes = explorer.explore(r, estimate, candidates, judged, by);
                for (ChangeOption c : changes) {
                    session.insert(c);
                }
                focus(session, firings, CHANGES_GROUP);
                changes = out.judgedChanges(changes);
            }
            focus(session, firings, FINAL_VERDICT_GROUP);
            List<Candidate> ranking = List.of();
            Recommender.Picks picks = Recommender.Picks.NONE;
            List<ShownPlanList.Line> shown = null;
            if (exploreChanges || (out.verdict() != null && Verdict.FEASIBLE.equals(out.verdict().getValue()))) {
                // the plans in the order the rules asked for (objective, tie tolerance, tie-break weights);
                // a variant's run (no report of its own) needs it only when it works, for its best plan
                if (by == null) by = PlanFindings.of(out.findings());
                ranking = PlanRanking.rank(judged, by, r.proposal().getObjective(), out.tieTolerance());
                picks = Recommender.pick(ranking, by, out.tieTolerance());
                if (exploreChanges) {
                    // advice about the plans the report will show
                    shown = ShownPlanList.select(ranking, picks, by, ShownPlanList.MAX_PLANS);
                    session.insert(new ShownPlans(shown.stream().map(ShownPlanList.Line::plan).toList()));
                    focus(session, firings, ADVICE_GROUP);
                }
            }
            List<Finding> findings = List.copyOf(out.findings());
            // the grouping the ranking read, extended by the later phases' findings: the report reads it too
            if (by != null) by.extendTo(findings);
            return new Outcome(r, estimate, candidates, findings, out.verdict(),
                    listener == null ? List.of() : List.copyOf(listener.firings()), rules.rulesVersion(), changes,
                    ranking, picks, by, shown);
        } finally {
            if (run != null) run.closed(session);
            try {
                session.dispose();
            } catch (RuntimeException e) {
                // a session a stopped rule left broken: nothing more to release
            }
        }
    }
}

package dev.ftadvisor.engine;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Configuration;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Judged;
import dev.ftadvisor.model.Verdict;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way rules produce output (the DRL global {@code out}). Each call builds a {@link Finding}
 * from the firing rule's metadata (@id, @sources, @severity, @topic), its file and line, and the
 * facts it matched. Findings are the rules' output, not facts in the session: what later phases
 * need from them (which candidates were rejected, which are over budget or deadline) this class
 * records, and the engine hands it on as facts (StandingPlans). Rules never print.
 */
public final class RuleOutput {
    /*
     * A rule's identity as findings carry it (metadata without quotes, file and line, @sources already
     * split) is worked out once per rule of a compiled rule set (kept in its RuleIndex), not on every
     * firing: the regex split showed in batch profiles.
     */
    private record Identity(String id, String file, int line, String severity, String topic, List<String> sources) {
    }

    private static Identity identity(Rule rule, RuleIndex index) {
        RuleInfo info = index.byName(rule.getName());
        String id = meta(rule, "id");
        return new Identity(id != null ? id : rule.getName(), info == null ? null : info.file(),
                info == null ? 0 : info.line(), meta(rule, "severity"), meta(rule, "topic"),
                RuleIndex.splitList(meta(rule, "sources")));
    }

    private final RuleIndex index;
    private final List<Finding> findings = new ArrayList<>(256);  // a batch record makes about 200
    private Verdict verdict;
    /** What a rule rejected, by identity (no key hashing). */
    private final java.util.Set<Judged> rejected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(128));
    /**
     * Configurations and candidates a rule marked over budget, over deadline, out of region or not
     * recommended: they stay, but do not work as proposed.
     */
    private final java.util.Set<Judged> missing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(256));
    private double tieTolerance;
    /** Pricing models a rule marked not recommended for the whole proposal. */
    private final java.util.Set<String> notRecommendedPricings = new java.util.HashSet<>(2);
    /** Region groups a rule marked outside the proposal's region. */
    private final java.util.Set<String> setAsideRegionGroups = new java.util.HashSet<>(4);
    /** Rejections and over-budget/deadline marks so far: the engine redoes StandingPlans when a phase adds any. */
    private int judgments;
    /** The candidates in working memory, once the engine has inserted them (null before: the gates' phase). */
    private List<Candidate> candidatesInserted;

    public RuleOutput(RuleIndex index) {
        this.index = index;
    }

    /*
     * Every method takes a message template in English with {0}-style placeholders and its arguments
     * (java.text.MessageFormat syntax; numbers should be passed already formatted with Num). The
     * template is the rule's own text; translations live beside the rules, keyed by rule id, and are
     * filled with the same arguments.
     */

    /** A finding about the proposal as a whole. */
    public void note(Object drools, String template, Object... args) {
        add(drools, null, Finding.EFFECT_NONE, 0, template, args);
    }

    /** A finding about one configuration or candidate that does not change its standing (advice, info). */
    public void advise(Object drools, Judged c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_NONE, 0, template, args);
    }

    /**
     * The configuration or candidate cannot be used as proposed. It leaves working memory, so no later
     * rule spends time judging it (rejected by a gate rule, it never enters the judging rules' entry
     * point), and a rejected configuration takes its candidates with it (never inserted when a gate
     * rejects it, deleted when a later rule does); the report still lists it under "rejected" with
     * this finding.
     */
    public void reject(Object drools, Judged c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_REJECT, 0, template, args);
        rejected.add(c);
        judgments++;
        RuleContext ctx = context(drools);
        if (!MatchAccess.deleteMatched(ctx, c)) deleteEverywhere(ctx, c);
        if (c instanceof Configuration configuration && candidatesInserted != null) {
            // after the gates, its candidates are in working memory too: they leave with it
            for (Candidate candidate : candidatesInserted) {
                if (candidate.getConfiguration() == configuration) deleteEverywhere(ctx, candidate);
            }
        }
    }

    /** Out of every entry point the fact is in, looked up by object. */
    private static void deleteEverywhere(RuleContext ctx, Object fact) {
        for (var entryPoint : ctx.getKieRuntime().getEntryPoints()) {
            var handle = entryPoint.getFactHandle(fact);
            if (handle != null) entryPoint.delete(handle);
        }
    }

    public void overBudget(Object drools, Candidate c, String template, Object... args) {
        miss(drools, c, Finding.EFFECT_OVER_BUDGET, template, args);
    }

    public void overDeadline(Object drools, Candidate c, String template, Object... args) {
        miss(drools, c, Finding.EFFECT_OVER_DEADLINE, template, args);
    }

    /**
     * The configuration or candidate is outside the proposal's region: it stays listed (a region change
     * the team may accept) but cannot make the proposal feasible as asked.
     */
    public void outOfRegion(Object drools, Judged c, String template, Object... args) {
        miss(drools, c, Finding.EFFECT_OUT_OF_REGION, template, args);
    }

    /**
     * The configuration or candidate stays as an alternative the report shows, with this reason, but
     * is not recommended as the proposal stands (spot the proposal did not ask for, a suspect price).
     */
    public void notRecommended(Object drools, Judged c, String template, Object... args) {
        miss(drools, c, Finding.EFFECT_NOT_RECOMMENDED, template, args);
    }

    /**
     * The configuration's or candidate's own figures are doubtful (a price that looks stale or
     * mis-read): it stays listed with this reason, but is neither recommended nor named as an
     * alternative until the figure is checked.
     */
    public void suspect(Object drools, Judged c, String template, Object... args) {
        miss(drools, c, Finding.EFFECT_SUSPECT, template, args);
    }

    /**
     * Every plan of one pricing model (say "spot") stays as an alternative the report shows, but is
     * not recommended as the proposal stands: one finding for the proposal instead of one per plan.
     */
    public void notRecommendedPricing(Object drools, String pricing, String template, Object... args) {
        add(drools, null, Finding.EFFECT_NOT_RECOMMENDED, 0, pricing, null, template, args);
        notRecommendedPricings.add(pricing);
        judgments++;
    }

    /**
     * Every configuration of one region group lies outside the proposal's region: one finding for the
     * group. A gate's judgment: the engine sets those configurations aside (listed with this reason,
     * not judged further).
     */
    public void outOfRegionGroup(Object drools, String regionGroup, String template, Object... args) {
        add(drools, null, Finding.EFFECT_OUT_OF_REGION, 0, null, regionGroup, template, args);
        setAsideRegionGroups.add(regionGroup);
        judgments++;
    }

    /** Whether a rule set aside every configuration of this region group. */
    public boolean isRegionGroupSetAside(String regionGroup) {
        return !setAsideRegionGroups.isEmpty() && setAsideRegionGroups.contains(regionGroup);
    }

    /** A finding that keeps the configuration or candidate from working as proposed (it stays listed). */
    private void miss(Object drools, Judged c, String effect, String template, Object[] args) {
        add(drools, c, effect, 0, template, args);
        missing.add(c);
        judgments++;
    }

    /**
     * The relative tolerance within which two plans' objective figures (cost or hours) count as a tie,
     * ordered by the rules' tie-break weights ({@link #rank}), with the rule's note saying so. Set by a
     * ranking rule; 0 until one does (then only exact ties are ordered by the weights).
     */
    public void tieTolerance(Object drools, double fraction, String template, Object... args) {
        add(drools, null, Finding.EFFECT_NONE, 0, template, args);
        this.tieTolerance = fraction;
    }

    public double tieTolerance() { return tieTolerance; }

    /**
     * A tie-break weight for the configuration or candidate: among plans whose objective figure is
     * within the tie tolerance of each other, the higher sum of weights ranks first. It never lifts a
     * plan over a cheaper and faster one.
     */
    public void rank(Object drools, Judged c, double weight, String template, Object... args) {
        add(drools, c, Finding.EFFECT_RANK, weight, template, args);
    }

    /**
     * Offers a change the engine explored (see ChangeExplorer): the option is marked accepted (and
     * updated in the session, so verdict rules see it) with this message as its reason.
     */
    public void acceptChange(Object drools, dev.ftadvisor.model.ChangeOption option, String template, Object... args) {
        add(drools, null, Finding.EFFECT_CHANGE, 0, template, args);
        // options are immutable: the accepted one replaces the offered one, in the session and the outcome
        dev.ftadvisor.model.ChangeOption accepted = option.accepted(findings.get(findings.size() - 1).getMessage(), findings.size() - 1);
        acceptedChanges.put(option, accepted);
        var runtime = context(drools).getKieRuntime();
        var handle = runtime.getFactHandle(option);
        if (handle != null) runtime.update(handle, accepted);
    }

    /** Decides the consultation's verdict; the first verdict rule to fire wins. */
    public void verdict(Object drools, String value, String template, Object... args) {
        RuleContext ctx = context(drools);
        if (verdict == null) {
            verdict = new Verdict(value, Messages.format(template, args), meta(ctx.getRule(), "id"), template,
                    java.util.Arrays.asList(args));
            ctx.getKieRuntime().insert(verdict);
        }
    }

    /** Records the finding. */
    private void add(Object drools, Judged c, String effect, double weight, String template, Object[] args) {
        add(drools, c, effect, weight, null, null, template, args);
    }

    /** As above, for a proposal-wide effect scoped to one pricing model or region group. */
    private void add(Object drools, Judged c, String effect, double weight, String pricingScope, String regionScope,
                     String template, Object[] args) {
        RuleContext ctx = context(drools);
        Rule rule = ctx.getRule();
        Identity who = (Identity) index.identities.computeIfAbsent(rule.getName(), n -> identity(rule, index));
        // Message and matched-fact description are built only when a report reads them: most findings
        // (rejections of candidates that never reach a report) are counted, not rendered. The matched
        // objects are taken now: the match does not outlive the firing.
        Object[] matched = MatchAccess.matchedObjects(ctx);
        Finding f = Finding.of(who.id(), rule.getName(), who.file(), who.line(), who.severity(), who.topic(), who.sources())
                .message(() -> Messages.format(template, args))
                .effect(effect).rankWeight(weight).pricingScope(pricingScope).regionScope(regionScope)
                .facts(() -> FactDescriber.describeAll(matched))
                .template(template, java.util.Arrays.asList(args))  // args: this call's own varargs array
                .about(c)  // keyed by its subject
                .build();
        findings.add(f);
    }

    /** Under the executable model the RHS's {@code drools} wraps the classic RuleContext. */
    static RuleContext context(Object drools) {
        if (drools instanceof RuleContext rc) return rc;
        if (drools instanceof org.drools.model.Drools d) {
            RuleContext rc = d.getContext(RuleContext.class);
            if (rc != null) return rc;
        }
        throw new IllegalArgumentException("pass the rule's 'drools' variable, got " + drools);
    }

    /** Metadata value without the quotes the executable model keeps around strings. */
    static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        if (v == null) return null;
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    public List<Finding> findings() { return findings; }

    /** The options as the rules left them: each accepted one in place of the one offered. */
    List<dev.ftadvisor.model.ChangeOption> judgedChanges(List<dev.ftadvisor.model.ChangeOption> offered) {
        if (acceptedChanges.isEmpty()) return offered;
        return offered.stream().map(o -> acceptedChanges.getOrDefault(o, o)).toList();
    }

    private final java.util.Map<dev.ftadvisor.model.ChangeOption, dev.ftadvisor.model.ChangeOption> acceptedChanges =
            new java.util.IdentityHashMap<>();

    /** Whether a rule marked the configuration or candidate a miss (over budget or deadline, out of region, not recommended). */
    public boolean isMissed(Judged c) { return missing.contains(c); }

    /** Whether a rule rejected the configuration or candidate (it has left working memory). */
    public boolean isRejected(Judged c) { return rejected.contains(c); }

    /** How many rejections and over-budget or over-deadline marks the rules have made so far. */
    int judgments() { return judgments; }

    /** The candidates the engine has inserted into working memory (a rejected configuration's leave with it). */
    void candidatesInserted(List<Candidate> candidates) { this.candidatesInserted = candidates; }

    /**
     * Whether the candidate works as proposed: no rule marked it (or its configuration) over budget,
     * over deadline, out of region or not recommended.
     */
    public boolean isAsProposed(Candidate c) {
        if (!notRecommendedPricings.isEmpty() && notRecommendedPricings.contains(c.getPricing())) return false;
        if (isRegionGroupSetAside(c.getRegionGroup())) return false;
        return missing.isEmpty() || (!missing.contains(c) && !missing.contains(c.getConfiguration()));
    }

    /** Whether the candidate still stands: no rule rejected it, nor its configuration. */
    public boolean isStanding(Candidate c) {
        return !rejected.contains(c) && !rejected.contains(c.getConfiguration());
    }

    public Verdict verdict() { return verdict; }
}

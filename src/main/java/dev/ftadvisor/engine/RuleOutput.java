package dev.ftadvisor.engine;

import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way rules produce output (the DRL global {@code out}). Each call builds a {@link Finding}
 * from the firing rule's metadata (@id, @sources, @severity, @topic), its file and line, and the
 * facts it matched, and inserts the finding into the session so later rules (ranking, verdict) can
 * see it. Rules never print.
 */
public final class RuleOutput {
    /** @sources values already split (the regex split showed in batch profiles); bounded by the rules. */
    /*
     * A rule's identity as findings carry it (metadata without quotes, file and line) is worked out
     * once per rule of a compiled rule set (kept in its RuleIndex), not on every firing.
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
    private final List<Finding> findings = new ArrayList<>();
    private Verdict verdict;
    private final java.util.Set<String> rejected = new java.util.HashSet<>();

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

    /** A finding about one candidate that does not change its standing (advice, info). */
    public void advise(Object drools, Candidate c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_NONE, 0, template, args);
    }

    /**
     * The candidate cannot be used as proposed. It leaves working memory, so no later rule spends
     * time judging it (rejected by a gate rule, it never enters the judging rules' entry point); the
     * report still lists it under "rejected" with this finding.
     */
    public void reject(Object drools, Candidate c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_REJECT, 0, template, args);
        rejected.add(c.getKey());
        // out of every entry point it is in (a gate rule matched it in "proposed"; a judging rule in the default)
        for (var entryPoint : context(drools).getKieRuntime().getEntryPoints()) {
            var handle = entryPoint.getFactHandle(c);
            if (handle != null) entryPoint.delete(handle);
        }
    }

    public void overBudget(Object drools, Candidate c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_OVER_BUDGET, 0, template, args);
    }

    public void overDeadline(Object drools, Candidate c, String template, Object... args) {
        add(drools, c, Finding.EFFECT_OVER_DEADLINE, 0, template, args);
    }

    /** Moves the candidate up (positive weight) or down (negative) the ranking, for the reason given. */
    public void rank(Object drools, Candidate c, double weight, String template, Object... args) {
        add(drools, c, Finding.EFFECT_RANK, weight, template, args);
    }

    /**
     * Offers a change the engine explored (see ChangeExplorer): the option is marked accepted (and
     * updated in the session, so verdict rules see it) with this message as its reason.
     */
    public void acceptChange(Object drools, dev.ftadvisor.model.ChangeOption option, String template, Object... args) {
        add(drools, null, Finding.EFFECT_CHANGE, 0, template, args);
        option.setAccepted(true);
        option.setReason(findings.get(findings.size() - 1).getMessage());
        option.setReasonFinding(findings.size() - 1);
        var runtime = context(drools).getKieRuntime();
        var handle = runtime.getFactHandle(option);
        if (handle != null) runtime.update(handle, option);
    }

    /** Decides the consultation's verdict; the first verdict rule to fire wins. */
    public void verdict(Object drools, String value, String template, Object... args) {
        RuleContext ctx = context(drools);
        if (verdict == null) {
            verdict = new Verdict(value, Messages.format(template, args), meta(ctx.getRule(), "id"))
                    .withTemplate(template, java.util.Arrays.asList(args));
            ctx.getKieRuntime().insert(verdict);
        }
    }

    private void add(Object drools, Candidate c, String effect, double weight, String template, Object[] args) {
        RuleContext ctx = context(drools);
        Rule rule = ctx.getRule();
        Identity who = (Identity) index.identities.computeIfAbsent(rule.getName(), n -> identity(rule, index));
        // Message and matched-fact description are built only when a report reads them: most findings
        // (rejections of candidates that never reach a report) are counted, not rendered.
        Object[] matched = ctx.getMatch().getObjects().toArray();
        Finding f = new Finding(who.id(), rule.getName(), who.file(), who.line(), who.severity(), who.topic(), who.sources(),
                () -> Messages.format(template, args),
                c == null ? null : c.getKey(), effect, weight, () -> FactDescriber.describeAll(matched))
                .withTemplate(template, java.util.Arrays.asList(args));
        findings.add(f);
        if (!Finding.EFFECT_REJECT.equals(effect)) {
            // A rejecting finding stays out of working memory: its candidate leaves with it (see
            // reject), so no rule could join the two; inserting it only cost propagation time.
            ctx.getKieRuntime().insert(f);
        }
    }

    /** Under the executable model the RHS's {@code drools} wraps the classic RuleContext. */
    private static RuleContext context(Object drools) {
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

    /** Whether a rule rejected the candidate (it has left working memory). */
    public boolean isRejected(Candidate c) { return rejected.contains(c.getKey()); }

    public Verdict verdict() { return verdict; }
}

package dev.ftadvisor.model;

import java.util.List;
import java.util.Map;

/**
 * The only output of a rule: what it found, with the rule's identity (id, file, line), the guide ids
 * it implements and the fact values it matched. A finding about one configuration or candidate names
 * it (its subject and key); its {@code effect} says what it does to it (rejects it, marks it over
 * budget or deadline, moves it up or down the ranking) so that the engine (standing plans, verdict
 * counts) and the report can act on it. Findings are output, not facts: no rule matches them.
 */
public final class Finding {
    public static final String EFFECT_NONE = "none";
    public static final String EFFECT_REJECT = "reject";
    public static final String EFFECT_OVER_BUDGET = "over-budget";
    public static final String EFFECT_OVER_DEADLINE = "over-deadline";
    /** A tie-break weight: orders plans whose objective figure is within the rules' tolerance of each other. */
    public static final String EFFECT_RANK = "rank";
    /** The plan is outside the proposal's region: it cannot make the proposal feasible as asked. */
    public static final String EFFECT_OUT_OF_REGION = "out-of-region";
    /** The plan stays as an alternative but is not recommended as asked (e.g. spot the proposal did not ask for). */
    public static final String EFFECT_NOT_RECOMMENDED = "not-recommended";
    /** The plan's own figures are doubtful (a suspect price): shown, never recommended nor offered as an alternative. */
    public static final String EFFECT_SUSPECT = "suspect";
    /** A rule offered a change to the proposal (a ChangeOption) that would make it work. */
    public static final String EFFECT_CHANGE = "change";

    private final String id;
    private final String rule;
    private final String ruleFile;
    private final int ruleLine;
    private final String severity;
    private final String topic;
    private final List<String> sources;
    /** The message, or null until first read when it is computed ({@link #messageSource}). */
    private String message;
    private java.util.function.Supplier<String> messageSource;
    private final String candidateKey;
    /** The configuration or candidate itself (when the finding is about one): grouping by identity needs no key hashing. */
    private final Judged subject;
    private final String effect;
    private final double rankWeight;
    /**
     * For a finding about the proposal as a whole whose effect applies to every plan of one pricing
     * model ("spot"): that pricing model; null otherwise.
     */
    private final String pricingScope;
    /** For a finding about every configuration of one region group ("eu"): that group; null otherwise. */
    private final String regionScope;
    private Map<String, Object> facts;
    private java.util.function.Supplier<Map<String, Object>> factsSource;
    /** The rule's message template (English, as written in the DRL) and its arguments, for translation. */
    private final String template;
    private final List<Object> args;

    private Finding(Builder b) {
        this.id = b.id;
        this.rule = b.rule;
        this.ruleFile = b.ruleFile;
        this.ruleLine = b.ruleLine;
        this.severity = b.severity;
        this.topic = b.topic;
        this.sources = List.copyOf(b.sources);
        this.message = b.message;
        this.messageSource = b.message == null ? b.messageSource : null;
        this.candidateKey = b.candidateKey;
        this.subject = b.subject;
        this.effect = b.effect;
        this.rankWeight = b.rankWeight;
        this.pricingScope = b.pricingScope;
        this.regionScope = b.regionScope;
        this.facts = b.facts;
        this.factsSource = b.facts == null ? b.factsSource : null;
        this.template = b.template;
        this.args = b.args;
    }

    /** A finding of the rule with this identity; what it says and about what is given to the builder. */
    public static Builder of(String id, String rule, String ruleFile, int ruleLine, String severity, String topic,
                             List<String> sources) {
        return new Builder(id, rule, ruleFile, ruleLine, severity, topic, sources);
    }

    /** The same finding told in other words (a translation): everything else is kept. */
    public Finding withMessage(String translated) {
        Builder b = of(id, rule, ruleFile, ruleLine, severity, topic, sources).message(translated).candidateKey(candidateKey)
                .about(subject).effect(effect).rankWeight(rankWeight).pricingScope(pricingScope).regionScope(regionScope)
                .template(template, args);
        if (facts != null) b.facts(facts);
        else b.facts(factsSource);
        return b.build();
    }

    /**
     * Builds a finding: the only way to make one, so a finding never changes after it is recorded. The
     * message and the description of the matched facts may be given as suppliers, computed on first read
     * (a consultation produces hundreds of findings; a report shows a few dozen). A finding is read by
     * the thread that ran its session.
     */
    public static final class Builder {
        private final String id;
        private final String rule;
        private final String ruleFile;
        private final int ruleLine;
        private final String severity;
        private final String topic;
        private final List<String> sources;
        private String message;
        private java.util.function.Supplier<String> messageSource;
        private String candidateKey;
        private Judged subject;
        private String effect = EFFECT_NONE;
        private double rankWeight;
        private String pricingScope;
        private String regionScope;
        private Map<String, Object> facts;
        private java.util.function.Supplier<Map<String, Object>> factsSource;
        private String template;
        private List<Object> args = List.of();

        private Builder(String id, String rule, String ruleFile, int ruleLine, String severity, String topic, List<String> sources) {
            this.id = id;
            this.rule = rule;
            this.ruleFile = ruleFile;
            this.ruleLine = ruleLine;
            this.severity = severity;
            this.topic = topic;
            this.sources = sources;
        }

        public Builder message(String message) { this.message = message; return this; }

        public Builder message(java.util.function.Supplier<String> message) { this.messageSource = message; return this; }

        /** The key of what it is about, when there is no subject to read it from. */
        public Builder candidateKey(String key) { this.candidateKey = key; return this; }

        /** Names the configuration or candidate the finding is about (whose key it carries). */
        public Builder about(Judged subject) { this.subject = subject; return this; }

        public Builder effect(String effect) { this.effect = effect; return this; }

        public Builder rankWeight(double weight) { this.rankWeight = weight; return this; }

        /** Scopes a proposal-wide effect to every plan of one pricing model (see {@link Finding#getPricingScope()}). */
        public Builder pricingScope(String pricing) { this.pricingScope = pricing; return this; }

        /** Scopes a proposal-wide effect to every configuration of one region group. */
        public Builder regionScope(String regionGroup) { this.regionScope = regionGroup; return this; }

        public Builder facts(Map<String, Object> facts) { this.facts = facts; return this; }

        public Builder facts(java.util.function.Supplier<Map<String, Object>> facts) { this.factsSource = facts; return this; }

        /**
         * The template and a read-only view of its arguments (not a copy: a batch makes hundreds of
         * findings per record; the caller hands the list over and does not change it afterwards).
         */
        public Builder template(String template, List<Object> args) {
            this.template = template;
            this.args = args == null ? List.of() : java.util.Collections.unmodifiableList(args);
            return this;
        }

        public Finding build() { return new Finding(this); }
    }

    public String getId() { return id; }
    public String getRule() { return rule; }
    public String getRuleFile() { return ruleFile; }
    public int getRuleLine() { return ruleLine; }
    public String getSeverity() { return severity; }
    public String getTopic() { return topic; }
    public List<String> getSources() { return sources; }
    public String getMessage() {
        if (message == null && messageSource != null) {
            message = messageSource.get();
            messageSource = null;
        }
        return message;
    }
    /** The key of the configuration or candidate the finding is about (null for the proposal as a whole). */
    public String getCandidateKey() {
        // read from the subject when there is one: most findings of a batch record are never keyed
        return candidateKey != null ? candidateKey : subject != null ? subject.getKey() : null;
    }
    public String getEffect() { return effect; }
    public double getRankWeight() { return rankWeight; }
    public Map<String, Object> getFacts() {
        if (facts == null && factsSource != null) {
            facts = factsSource.get();
            factsSource = null;
        }
        return facts;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public String getTemplate() { return template; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<Object> getArgs() { return args; }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public String getPricingScope() { return pricingScope; }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public String getRegionScope() { return regionScope; }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAboutCandidate() { return candidateKey != null || subject != null; }

    /** The configuration or candidate the finding is about, when known (its key is {@link #getCandidateKey()}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Judged getSubject() { return subject; }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRejecting() { return EFFECT_REJECT.equals(effect); }

    /** Whether the finding keeps its plan from working as proposed (budget, deadline, region, pricing asked). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isMiss() {
        return EFFECT_OVER_BUDGET.equals(effect) || EFFECT_OVER_DEADLINE.equals(effect)
                || EFFECT_OUT_OF_REGION.equals(effect) || EFFECT_NOT_RECOMMENDED.equals(effect) || EFFECT_SUSPECT.equals(effect);
    }

    @Override
    public String toString() {
        return severity + " " + id + ": " + getMessage();
    }
}

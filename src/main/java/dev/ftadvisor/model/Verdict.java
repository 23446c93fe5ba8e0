package dev.ftadvisor.model;

/** The consultation's conclusion, decided by a verdict rule. */
public final class Verdict {
    public static final String FEASIBLE = "feasible";
    public static final String FEASIBLE_WITH_CHANGES = "feasible-with-changes";
    public static final String INFEASIBLE = "infeasible";

    private final String value;
    private final String summary;
    private final String ruleId;

    /** The verdict rule's template and arguments, kept so a report in another language can re-word it. */
    private final String template;
    private final java.util.List<Object> args;

    public Verdict(String value, String summary, String ruleId) {
        this(value, summary, ruleId, null, java.util.List.of());
    }

    public Verdict(String value, String summary, String ruleId, String template, java.util.List<Object> args) {
        this.value = value;
        this.summary = summary;
        this.ruleId = ruleId;
        this.template = template;
        this.args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public String getValue() { return value; }
    public String getSummary() { return summary; }
    public String getRuleId() { return ruleId; }

    public String getTemplate() { return template; }
    public java.util.List<Object> getArgs() { return args; }
}

package dev.ftadvisor.model;

import java.util.List;

/**
 * A "what if" the engine tried when nothing fitted as proposed: the proposal with one thing changed
 * (method, pricing, multi-node, providers, sequence length) and possibly the budget or deadline
 * raised to what its best plan needs. Java computes it by running the variant through the same
 * consultation; rules decide whether to offer it ({@code accepted}) and say what it costs the team.
 */
public class ChangeOption {
    private final String kind;
    private final String fromValue;
    private final String toValue;
    /** How many of the proposal's fields the change touches (1 = a single change). */
    private final int changeCount;
    private final Candidate plan;
    private final List<Finding> planFindings;
    private final Double budgetUsd;
    private final Double deadlineHours;
    /** New budget / asked budget (1 when the budget is unchanged or was not given). */
    private final double budgetFactor;
    /** New deadline / asked deadline (1 when unchanged or not given). */
    private final double deadlineFactor;
    private final int sequenceLength;
    private final boolean accepted;
    private final String reason;
    /** Position of the accepting rule's finding in the outcome's findings (kept when findings are translated). */
    private final int reasonFinding;

    public ChangeOption(String kind, String fromValue, String toValue, int changeCount, Candidate plan,
                        List<Finding> planFindings, Double budgetUsd, Double deadlineHours, double budgetFactor,
                        double deadlineFactor, int sequenceLength) {
        this.kind = kind;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.changeCount = changeCount;
        this.plan = plan;
        this.planFindings = List.copyOf(planFindings);
        this.budgetUsd = budgetUsd;
        this.deadlineHours = deadlineHours;
        this.budgetFactor = budgetFactor;
        this.deadlineFactor = deadlineFactor;
        this.sequenceLength = sequenceLength;
        this.accepted = false;
        this.reason = null;
        this.reasonFinding = -1;
    }

    public String getKind() { return kind; }
    public String getFromValue() { return fromValue; }
    public String getToValue() { return toValue; }
    public int getChangeCount() { return changeCount; }
    public Candidate getPlan() { return plan; }
    public List<Finding> getPlanFindings() { return planFindings; }
    public double getCostUsd() { return plan.getCostUsd(); }
    public double getHours() { return plan.getHours(); }
    /** The raised budget this change needs, or null when the budget stays as asked. */
    public Double getBudgetUsd() { return budgetUsd; }
    public boolean isBudgetRaised() { return budgetUsd != null; }
    public Double getDeadlineHours() { return deadlineHours; }
    public boolean isDeadlineExtended() { return deadlineHours != null; }
    /** For message templates (a MessageFormat choice): 0 nothing else, 1 budget raised, 2 deadline extended. */
    public int getAlso() { return budgetUsd != null ? 1 : deadlineHours != null ? 2 : 0; }
    /** The raised budget or extended deadline, formatted, or "" (for message templates). */
    public String getAlsoValue() {
        return budgetUsd != null ? dev.ftadvisor.model.Num.usd(budgetUsd).toString()
                : deadlineHours != null ? dev.ftadvisor.model.Num.f1(deadlineHours).toString() : "";
    }
    public double getBudgetFactor() { return budgetFactor; }
    public double getDeadlineFactor() { return deadlineFactor; }
    public int getSequenceLength() { return sequenceLength; }
    public boolean isAccepted() { return accepted; }
    /** The accepting rule's message: what changes, what it costs, what the team gives up. */
    public String getReason() { return reason; }
    public int getReasonFinding() { return reasonFinding; }

    /** The same option, accepted by a rule with this reason (its finding at that position). */
    public ChangeOption accepted(String reason, int reasonFinding) {
        return new ChangeOption(this, reason, reasonFinding);
    }

    private ChangeOption(ChangeOption o, String reason, int reasonFinding) {
        this.kind = o.kind;
        this.fromValue = o.fromValue;
        this.toValue = o.toValue;
        this.changeCount = o.changeCount;
        this.plan = o.plan;
        this.planFindings = o.planFindings;
        this.budgetUsd = o.budgetUsd;
        this.deadlineHours = o.deadlineHours;
        this.budgetFactor = o.budgetFactor;
        this.deadlineFactor = o.deadlineFactor;
        this.sequenceLength = o.sequenceLength;
        this.accepted = true;
        this.reason = reason;
        this.reasonFinding = reasonFinding;
    }

    @Override
    public String toString() {
        return kind + " " + fromValue + " -> " + toValue + (budgetUsd != null ? " budget " + budgetUsd : "")
                + (deadlineHours != null ? " deadline " + deadlineHours : "");
    }
}

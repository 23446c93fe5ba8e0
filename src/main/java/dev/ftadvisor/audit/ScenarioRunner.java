package dev.ftadvisor.audit;

import dev.ftadvisor.consult.Consultation;
import dev.ftadvisor.i18n.Lang;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.report.Report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs scenarios through the same path as {@code consult} and compares with their expectations. */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Consultation consultation;

    /**
     * The rules that only derive a fact (classes.drl: no message, so no finding shows they fired). A
     * scenario that names one is consulted with the firing trace, which does.
     */
    private final Set<String> derivationRules = new java.util.HashSet<>();

    public ScenarioRunner(Advisor advisor) {
        this.consultation = new Consultation(advisor);
        for (dev.ftadvisor.engine.RuleInfo r : advisor.rules().index().rules()) {
            if (r.id() != null && !r.consequence().contains("out.")) derivationRules.add(r.id());
        }
    }

    public List<ScenarioResult> runAll(List<Scenario> scenarios) {
        return scenarios.stream().map(this::run).toList();
    }

    public ScenarioResult run(Scenario s) {
        List<String> failures = new ArrayList<>();
        ResolvedProposal resolved;
        try {
            resolved = consultation.resolve(ProposalReader.read(JSON.writeValueAsString(s.proposal), false), "scenario");
        } catch (InputException e) {
            if (s.expect.inputError != null && e.getMessage().contains(s.expect.inputError)) {
                return new ScenarioResult(s, List.of(), Set.of());
            }
            failures.add("proposal refused: " + e.getMessage()
                    + (s.expect.inputError != null ? " (expected an error containing '" + s.expect.inputError + "')" : ""));
            return new ScenarioResult(s, failures, Set.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            failures.add("proposal is not valid: " + e.getOriginalMessage());
            return new ScenarioResult(s, failures, Set.of());
        }
        if (s.expect.inputError != null) {
            failures.add("expected the proposal to be refused with '" + s.expect.inputError + "', but it was accepted");
        }
        boolean trace = s.expect.fires.stream().anyMatch(derivationRules::contains)
                || s.expect.quiet.stream().anyMatch(derivationRules::contains);
        Consultation.Result result = consultation.run(resolved, Lang.EN, trace);
        Outcome outcome = result.outcome();
        Report report = result.report();
        Set<String> fired = new LinkedHashSet<>();
        outcome.findings().forEach(f -> fired.add(f.getId()));
        outcome.trace().forEach(f -> {
            if (derivationRules.contains(f.ruleId())) fired.add(f.ruleId());
        });
        if (outcome.verdict() != null) fired.add(outcome.verdict().getRuleId());

        if (s.expect.verdict != null && !s.expect.verdict.equals(report.verdict())) {
            failures.add("verdict: expected " + s.expect.verdict + ", got " + report.verdict() + " (" + report.summary() + ")");
        }
        for (String id : s.expect.fires) {
            if (!fired.contains(id)) failures.add("rule " + id + " should fire but did not (fired: " + fired + ")");
        }
        for (String id : s.expect.quiet) {
            if (fired.contains(id)) {
                String example = outcome.findings().stream().filter(f -> id.equals(f.getId())).map(Finding::getMessage)
                        .findFirst().orElse("");
                failures.add("rule " + id + " should stay quiet but fired: " + example);
            }
        }
        for (Scenario.FindingExpectation fe : s.expect.findings) {
            boolean found = outcome.findings().stream().anyMatch(f -> matches(fe, f));
            if (!found) {
                failures.add("no finding of rule " + fe.rule
                        + (fe.candidate != null ? " on candidate " + fe.candidate + "*" : "")
                        + (fe.messageContains != null ? " containing '" + fe.messageContains + "'" : "")
                        + (fe.severity != null ? " with severity " + fe.severity : "")
                        + "; its findings: " + closest(fe, outcome.findings()));
            }
        }
        if (s.expect.topPlan != null) {
            checkTopPlan(s.expect.topPlan, report, failures);
        }
        return new ScenarioResult(s, failures, fired);
    }

    /** The rule's findings an auditor should compare with: on the expected candidate first, at most 3. */
    private static List<String> closest(Scenario.FindingExpectation fe, List<Finding> findings) {
        List<Finding> ofRule = findings.stream().filter(f -> fe.rule.equals(f.getId())).toList();
        List<Finding> onCandidate = fe.candidate == null ? ofRule : ofRule.stream()
                .filter(f -> f.getCandidateKey() != null && f.getCandidateKey().startsWith(fe.candidate)).toList();
        List<Finding> shown = onCandidate.isEmpty() ? ofRule : onCandidate;
        if (shown.isEmpty()) return List.of("none");
        return shown.stream().limit(3).map(f -> f.getCandidateKey() + ": " + f.getMessage()
                + (fe.severity != null ? " [" + f.getSeverity() + "]" : "")).toList();
    }

    private static boolean matches(Scenario.FindingExpectation fe, Finding f) {
        if (!fe.rule.equals(f.getId())) return false;
        if (fe.candidate != null && (f.getCandidateKey() == null || !f.getCandidateKey().startsWith(fe.candidate))) return false;
        if (fe.messageContains != null && !f.getMessage().contains(fe.messageContains)) return false;
        return fe.severity == null || fe.severity.equals(f.getSeverity());
    }

    private static void checkTopPlan(Scenario.PlanExpectation e, Report report, List<String> failures) {
        if (report.plans().isEmpty()) {
            failures.add("top plan: expected one, but there are no plans");
            return;
        }
        Report.Plan p = report.plans().get(0);
        String top = String.format(Locale.ROOT, "%s %s %dx %s %s $%.2f", p.provider(), p.instanceType(), p.gpuCount(),
                p.gpu(), p.pricing(), p.costUsd());
        if (e.provider != null && !e.provider.equals(p.provider())) failures.add("top plan provider: expected " + e.provider + ", got " + top);
        if (e.instanceType != null && !e.instanceType.equals(p.instanceType())) failures.add("top plan instance: expected " + e.instanceType + ", got " + top);
        if (e.gpu != null && !e.gpu.equals(p.gpu())) failures.add("top plan gpu: expected " + e.gpu + ", got " + top);
        if (e.pricing != null && !e.pricing.equals(p.pricing())) failures.add("top plan pricing: expected " + e.pricing + ", got " + top);
        if (e.minGpuCount != null && p.gpuCount() * p.nodes() < e.minGpuCount) failures.add("top plan GPUs: expected at least " + e.minGpuCount + ", got " + top);
        if (e.maxGpuCount != null && p.gpuCount() * p.nodes() > e.maxGpuCount) failures.add("top plan GPUs: expected at most " + e.maxGpuCount + ", got " + top);
        if (e.maxCostUsd != null && p.costUsd() > e.maxCostUsd) failures.add("top plan cost: expected at most $" + e.maxCostUsd + ", got " + top);
        if (e.maxMemoryPerGpuGb != null && p.memoryPerGpuGb() > e.maxMemoryPerGpuGb) failures.add("top plan memory per GPU: expected at most " + e.maxMemoryPerGpuGb + " GB, got " + p.memoryPerGpuGb());
    }
}

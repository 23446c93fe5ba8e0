package dev.ftadvisor.cli;

import dev.ftadvisor.report.ReportFormat;

import dev.ftadvisor.consult.Consultation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.audit.Derivations;
import dev.ftadvisor.audit.WhyNot;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.NameSuggester;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.ranking.PlanFindings;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.Localizer;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.ProposalFiles;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.report.HtmlRenderer;
import dev.ftadvisor.report.JsonRenderer;
import dev.ftadvisor.report.MarkdownRenderer;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.ReportBuilder;
import dev.ftadvisor.report.ReportRenderer;
import dev.ftadvisor.report.TextRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code consult}: one proposal in, one report out. */
@Command(name = "consult", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Consult on one fine-tuning proposal: verdict, ranked server plans with cost and time, findings.",
                "The proposal comes from a JSON or YAML file, from stdin (-), or from flags."})
public final class ConsultCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Proposal file (.json, .yaml) or - for stdin.")
    String source;

    @Mixin ProposalFlags flags;
    @Mixin EngineOptions engine;

    @Option(names = "--format", defaultValue = "text", completionCandidates = FormatChoices.Report.class, converter = FormatChoices.Report.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the report and the rules' messages (default: from the locale).")
    String lang;

    @Option(names = "--interactive", description = "Ask for each missing fact that matters, one at a time, in a terminal.")
    boolean interactive;

    @Option(names = "--explain", description = {"Include the full trace: every rule firing in order with the facts it matched,",
            "and the facts the Java side derived before the rules ran (assumptions, estimate, each candidate's memory, hours, cost)."})
    boolean explain;

    @Option(names = "--why-not", paramLabel = "INSTANCE", description = {"For one instance type (e.g. g5.xlarge or aws/g5.xlarge):",
            "every finding that rejected it or ranked it lower, with the numbers, instead of the report."})
    String whyNot;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Lang language;
        try {
            language = lang == null ? Lang.defaultLang() : Lang.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new InputException("--lang", "expected en or zh, got '" + lang + "'");
        }
        if (interactive) {
            return interactive(language);
        }
        if (source == null && !flags.anyGiven()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give a proposal file, - for stdin, or flags such as --model llama-3-8b --method lora --tokens 20M --budget 500");
        }
        ProposalInput input = source == null ? new ProposalInput() : ProposalFiles.read(source, System.in);
        flags.applyTo(input);
        Consultation consultation = new Consultation(engine.advisor());
        String defaultId = source == null ? "cli" : ProposalFiles.idFromFileName(source);
        return print(consultation, consultation.resolve(input, defaultId), language);
    }

    /** Asks for the missing facts in the terminal, then reports like any other consultation. */
    private int interactive(Lang language) {
        java.io.Console console = System.console();
        if (console == null) {
            spec.commandLine().getErr().println(Texts.of(language).get("ask.noTerminal"));
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        ProposalInput input = source == null ? new ProposalInput() : ProposalFiles.read(source, System.in);
        flags.applyTo(input);
        Consultation consultation = new Consultation(engine.advisor());
        new Interview(consultation.resolver(), Texts.of(language), console.reader(), console.writer()).complete(input);
        return print(consultation, consultation.resolve(input, "interactive"), language);
    }

    private int print(Consultation consultation, ResolvedProposal resolved, Lang language) {
        Consultation.Result result = consultation.run(resolved, language, explain);
        Outcome outcome = result.outcome();
        Report report = result.report();
        if (whyNot != null) {
            return whyNot(outcome, report, consultation.advisor());
        }
        if (explain && format == ReportFormat.JSON) {
            ObjectNode tree = JsonRenderer.MAPPER.valueToTree(report);
            tree.set("derived", JsonRenderer.MAPPER.valueToTree(Derivations.of(outcome)));
            spec.commandLine().getOut().print(tree.toPrettyString());
        } else {
            spec.commandLine().getOut().print(renderer(format, language, resolved).render(report));
            if (explain && format == ReportFormat.TEXT) spec.commandLine().getOut().print("\n" + Derivations.toText(Derivations.of(outcome)));
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Exit 2 when the instance type is not in the catalog; a candidate list otherwise (0). */
    private int whyNot(Outcome outcome, Report report, Advisor advisor) {
        if (WhyNot.matching(outcome, whyNot).isEmpty()) {
            List<String> known = advisor.catalog().instances().stream().map(i -> i.instanceType).toList();
            boolean inCatalog = advisor.catalog().instances().stream().anyMatch(i -> i.instanceType.equalsIgnoreCase(whyNot)
                    || (i.provider + "/" + i.instanceType).equalsIgnoreCase(whyNot));
            if (!inCatalog) {
                throw new InputException("--why-not", "unknown instance type '" + whyNot + "'; closest: "
                        + String.join(", ", NameSuggester.closest(whyNot, known, 3)));
            }
            throw new InputException("--why-not", "'" + whyNot + "' is in the catalog but no candidate was built on it for this proposal");
        }
        if (format == ReportFormat.JSON) {
            ObjectNode tree = JsonRenderer.MAPPER.createObjectNode();
            tree.put("proposalId", report.proposalId());
            tree.put("instance", whyNot);
            tree.put("rulesVersion", report.rulesVersion());
            var list = tree.putArray("candidates");
            PlanFindings byCandidate = PlanFindings.of(outcome.findings());
            for (Candidate c : WhyNot.matching(outcome, whyNot)) {
                ObjectNode n = list.addObject();
                n.put("candidate", c.getKey());
                n.put("standing", WhyNot.standing(c, byCandidate.of(c), report));
                n.put("memoryPerGpuGb", c.getMemoryPerGpuGb());
                n.put("gpuMemoryGb", c.getGpuMemoryGb());
                n.put("hours", c.getHours());
                n.put("costUsd", c.getCostUsd());
                n.set("against", JsonRenderer.MAPPER.valueToTree(byCandidate.of(c).stream().filter(WhyNot::against).toList()));
            }
            spec.commandLine().getOut().println(tree.toPrettyString());
        } else {
            spec.commandLine().getOut().print(WhyNot.explain(outcome, report, whyNot));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static ReportRenderer renderer(ReportFormat format, Lang lang, ResolvedProposal resolved) {
        return switch (format) {
            case JSON -> new JsonRenderer(true);
            case MARKDOWN -> new MarkdownRenderer(lang);
            case HTML -> new HtmlRenderer(lang, resolved.proposal().getBudgetUsd(), resolved.proposal().getDeadlineHours());
            case TEXT -> new TextRenderer(lang);
        };
    }
}

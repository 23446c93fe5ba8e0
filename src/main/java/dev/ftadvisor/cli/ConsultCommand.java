package dev.ftadvisor.cli;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Localizer;
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

    @Option(names = "--format", defaultValue = "text", description = "text, json, markdown or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the report and the rules' messages (default: from the locale).")
    String lang;

    @Option(names = "--interactive", description = "Ask for each missing fact that matters, one at a time, in a terminal.")
    boolean interactive;

    @Option(names = "--explain", description = "Include the full trace: every rule firing in order with the facts it matched.")
    boolean explain;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Lang language = lang == null ? Lang.defaultLang() : Lang.parse(lang);
        checkFormat(format);
        if (interactive) {
            return interactive(language);
        }
        if (source == null && !flags.anyGiven()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give a proposal file, - for stdin, or flags such as --model llama-3-8b --method lora --tokens 20M --budget 500");
        }
        ProposalInput input = source == null ? new ProposalInput() : ProposalFiles.read(source, System.in);
        flags.applyTo(input);
        Advisor advisor = engine.advisor();
        String defaultId = source == null ? "cli" : ProposalFiles.idFromFileName(source);
        ResolvedProposal resolved = new ProposalResolver(advisor.catalog()).resolve(input, defaultId);
        print(advisor, resolved, language);
        return ExitCodes.OK;
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
        Advisor advisor = engine.advisor();
        ProposalResolver resolver = new ProposalResolver(advisor.catalog());
        new Interview(resolver, Texts.of(language), console.reader(), console.writer()).complete(input);
        print(advisor, resolver.resolve(input, "interactive"), language);
        return ExitCodes.OK;
    }

    private void print(Advisor advisor, ResolvedProposal resolved, Lang language) {
        Outcome outcome = Localizer.forRules(advisor.rules().folder()).localize(advisor.consult(resolved, explain), language);
        Report report = ReportBuilder.build(outcome, advisor.catalog().asOf(), explain);
        spec.commandLine().getOut().print(renderer(format, language, resolved).render(report));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().flush();
    }

    private void checkFormat(String format) {
        if (!java.util.List.of("text", "json", "markdown", "html").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format: expected text, json, markdown or html, got '" + format + "'");
        }
    }

    static ReportRenderer renderer(String format, Lang lang, ResolvedProposal resolved) {
        return switch (format) {
            case "json" -> new JsonRenderer(true);
            case "markdown" -> new MarkdownRenderer(lang);
            case "html" -> new HtmlRenderer(lang, resolved.proposal().getBudgetUsd(), resolved.proposal().getDeadlineHours());
            default -> new TextRenderer();
        };
    }
}

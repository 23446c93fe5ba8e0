package dev.ftadvisor.cli;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.ProposalFiles;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalResolver;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.report.JsonRenderer;
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

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--explain", description = "Include the full trace: every rule firing in order with the facts it matched.")
    boolean explain;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReportRenderer renderer = renderer(format);
        if (source == null && !flags.anyGiven()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give a proposal file, - for stdin, or flags such as --model llama-3-8b --method lora --tokens 20M --budget 500");
        }
        ProposalInput input = source == null ? new ProposalInput() : ProposalFiles.read(source, System.in);
        flags.applyTo(input);
        Advisor advisor = engine.advisor();
        String defaultId = source == null ? "cli" : ProposalFiles.idFromFileName(source);
        ResolvedProposal resolved = new ProposalResolver(advisor.catalog()).resolve(input, defaultId);
        Outcome outcome = advisor.consult(resolved, explain);
        Report report = ReportBuilder.build(outcome, advisor.catalog().asOf(), explain);
        spec.commandLine().getOut().print(renderer.render(report));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    ReportRenderer renderer(String format) {
        return switch (format) {
            case "text" -> new TextRenderer();
            case "json" -> new JsonRenderer(true);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format: expected text or json, got '" + format + "'");
        };
    }
}

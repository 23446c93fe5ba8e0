package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftadvisor.audit.Derivations;
import dev.ftadvisor.audit.WhyNot;
import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.NameSuggester;
import dev.ftadvisor.model.Candidate;
import java.util.List;
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

    @Option(names = "--explain", description = {"Include the full trace: every rule firing in order with the facts it matched,",
            "and the facts the Java side derived before the rules ran (assumptions, estimate, each candidate's memory, hours, cost)."})
    boolean explain;

    @Option(names = "--why-not", paramLabel = "INSTANCE", description = {"For one instance type (e.g. g5.xlarge or aws/g5.xlarge):",
            "every finding that rejected it or ranked it lower, with the numbers, instead of the report."})
    String whyNot;

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
        if (whyNot != null) {
            return whyNot(outcome, report, advisor);
        }
        if (explain && "json".equals(format)) {
            ObjectNode tree = JsonRenderer.MAPPER.valueToTree(report);
            tree.set("derived", JsonRenderer.MAPPER.valueToTree(Derivations.of(outcome)));
            spec.commandLine().getOut().print(tree.toPrettyString());
        } else {
            spec.commandLine().getOut().print(renderer.render(report));
            if (explain) spec.commandLine().getOut().print("\n" + Derivations.toText(Derivations.of(outcome)));
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Exit 2 when the instance type is not in the catalog; a candidate list otherwise (0). */
    private int whyNot(Outcome outcome, Report report, Advisor advisor) {
        if (WhyNot.matching(outcome, whyNot).isEmpty()) {
            List<String> known = advisor.catalog().instances().stream().map(i -> i.instanceType).toList();
            boolean inCatalog = known.stream().anyMatch(k -> k.equalsIgnoreCase(whyNot)
                    || advisor.catalog().instances().stream().anyMatch(i -> (i.provider + "/" + i.instanceType).equalsIgnoreCase(whyNot)));
            if (!inCatalog) {
                throw new InputException("--why-not", "unknown instance type '" + whyNot + "'; closest: "
                        + String.join(", ", NameSuggester.closest(whyNot, known, 3)));
            }
            throw new InputException("--why-not", "'" + whyNot + "' is in the catalog but no candidate was built on it for this proposal");
        }
        if ("json".equals(format)) {
            ObjectNode tree = JsonRenderer.MAPPER.createObjectNode();
            tree.put("proposalId", report.proposalId());
            tree.put("instance", whyNot);
            tree.put("rulesVersion", report.rulesVersion());
            var list = tree.putArray("candidates");
            for (Candidate c : WhyNot.matching(outcome, whyNot)) {
                ObjectNode n = list.addObject();
                n.put("candidate", c.getKey());
                n.put("standing", WhyNot.standing(c, outcome.findings().stream()
                        .filter(f -> c.getKey().equals(f.getCandidateKey())).toList(), report));
                n.put("memoryPerGpuGb", c.getMemoryPerGpuGb());
                n.put("gpuMemoryGb", c.getGpuMemoryGb());
                n.put("hours", c.getHours());
                n.put("costUsd", c.getCostUsd());
                n.set("against", JsonRenderer.MAPPER.valueToTree(outcome.findings().stream()
                        .filter(f -> c.getKey().equals(f.getCandidateKey())).filter(WhyNot::against).toList()));
            }
            spec.commandLine().getOut().println(tree.toPrettyString());
        } else {
            spec.commandLine().getOut().print(WhyNot.explain(outcome, report, whyNot));
        }
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

package dev.ftadvisor.cli;

import dev.ftadvisor.batch.AtomicOutput;
import dev.ftadvisor.batch.BatchEvaluator;
import dev.ftadvisor.batch.BatchRunner;
import dev.ftadvisor.batch.OutputFormat;
import dev.ftadvisor.batch.Progress;
import dev.ftadvisor.batch.RecordReader;
import dev.ftadvisor.batch.ResultWriter;
import dev.ftadvisor.engine.Advisor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.ftadvisor.input.InputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code batch}: many proposals in, one record out per input record, in input order. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate many proposals: one output record per input record, in input order.",
                "IN is a folder of .json/.yaml proposals, a .jsonl file (one proposal per line), a .csv file "
                        + "(header row of proposal field names), or - for stdin (JSONL, or CSV when the first line is not {...}).",
                "An invalid record becomes an error record naming file, line, field and problem; the batch goes on "
                        + "and exits 1 at the end."})
public final class BatchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "Inputs: folders, .json/.yaml/.jsonl/.csv files, or - for stdin.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Output file, written atomically; its extension picks the format (.jsonl, .csv, .html). Default: JSONL on stdout.")
    String out;

    @Option(names = "--format", paramLabel = "FMT", description = "jsonl (full reports), csv (summary) or html (summary with charts); overrides the extension.")
    String format;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads sharing one compiled knowledge base (default: the cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-fast", description = "Stop at the first invalid record (it is still written, and the output committed).")
    boolean failFast;

    @Option(names = "--progress", negatable = true, description = "Progress bar on stderr (default: only when it is a terminal).")
    Boolean progress;

    @Option(names = "--stats", description = "Print records, errors, seconds and records per second on stderr at the end.")
    boolean stats;

    @Mixin EngineOptions engine;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = OutputFormat.of(format, out);
        if (jobs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: expected 1 or more, got " + jobs);
        PrintWriter err = spec.commandLine().getErr();
        RecordReader records = new RecordReader(inputs, System.in);
        Advisor advisor = engine.advisor();
        BatchRunner runner = new BatchRunner(new BatchEvaluator(advisor), jobs, failFast);
        BatchRunner.Summary summary;
        boolean showBar = progress != null ? progress : System.console() != null;
        boolean toStdout = out == null || "-".equals(out);
        try (Progress bar = showBar ? Progress.bar(RecordReader.count(inputs), System.err) : Progress.NONE) {
            if (toStdout) {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                summary = runner.run(records, fmt.writer(w), bar);
                w.flush();
            } else {
                try (AtomicOutput file = AtomicOutput.open(Path.of(out))) {
                    ResultWriter writer = fmt.writer(file.writer());
                    summary = runner.run(records, writer, bar);
                    file.commit();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // disk full, a read-only or vanished folder, a closed pipe: one line; AtomicOutput has removed
            // its temporary file and left any earlier output as it was
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new InputException(toStdout ? "<stdout>" : "--out", "cannot write" + (toStdout ? "" : " " + out) + ": "
                    + dev.ftadvisor.input.ProposalFiles.reason(io) + (toStdout ? "" : " (an earlier " + out + ", if any, is unchanged)"));
        } finally {
            records.close();
        }
        if (summary.stopped()) {
            err.println("stopped at the first invalid record (--fail-fast) after " + summary.records() + " record(s)");
        } else if (summary.errors() > 0) {
            err.println(summary.errors() + " of " + summary.records() + " record(s) invalid: see the error records"
                    + (out == null || "-".equals(out) ? "" : " in " + out));
        }
        if (stats) {
            err.println(String.format(Locale.ROOT, "records=%d errors=%d seconds=%.3f perSecond=%.1f cpuSeconds=%.3f perCpuSecond=%.1f steadyRecords=%d steadyPerSecond=%.1f steadyPerCpuSecond=%.1f jobs=%d rules=%d",
                    summary.records(), summary.errors(), summary.nanos() / 1e9, summary.perSecond(),
                    summary.cpuNanos() / 1e9, summary.perCpuSecond(), summary.steadyRecords(), summary.steadyPerSecond(),
                    summary.steadyPerCpuSecond(), jobs,
                    advisor.rules().kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum()));
        }
        err.flush();
        if (summary.rulesErrors() > 0) {
            err.println(summary.rulesErrors() + " record(s) stopped by a failing rule: the rules folder is at fault (kind \"rules\" in the error records)");
            err.flush();
            return ExitCodes.RULES_BROKEN;
        }
        if (summary.internalErrors() > 0) {
            err.println(summary.internalErrors() + " record(s) met an internal error: please report them (kind \"internal\" in the error records)");
            err.flush();
            return ExitCodes.INTERNAL;
        }
        return summary.errors() > 0 ? ExitCodes.INVALID_RECORDS : ExitCodes.OK;
    }
}

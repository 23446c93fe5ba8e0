package dev.ftadvisor.cli;

import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.facts.CatalogException;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code ftadvisor} command: wires the verbs and maps failures to the contract's exit codes. */
@Command(name = "ftadvisor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Which cloud GPU servers to rent for fine-tuning an LLM, and why: every answer traced to a rule and to the guide.",
        subcommands = {ConsultCommand.class, BatchCommand.class, RulesCommand.class, CatalogCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb: try 'consult --help'");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println(message(ex, language(parsed)));
            line.getErr().flush();
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println("error: " + ex.getMessage());
            line.getErr().println("try: " + line.getCommandSpec().qualifiedName() + " --help");
            line.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof RulesCompileException) return ExitCodes.RULES_BROKEN;
        // an IllegalArgumentException is a bug of ours (a user's mistake is an InputException naming the field)
        if (ex instanceof InputException || ex instanceof CatalogException || ex instanceof CommandLine.ParameterException
                || ex instanceof java.io.UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL; // a bug, reported with its stack trace
    }

    /** The language asked for with --lang on the verb that failed, else the locale's. */
    static Lang language(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--lang")) {
                try {
                    return Lang.parse(pr.matchedOption("--lang").getValue());
                } catch (RuntimeException e) {
                    return Lang.EN;
                }
            }
        }
        return Lang.defaultLang();
    }

    static String message(Throwable ex) {
        return message(ex, Lang.EN);
    }

    static String message(Throwable ex, Lang lang) {
        if (ex instanceof RulesCompileException rce) {
            return rce.getMessage();
        }
        if (ex instanceof InputException ie) {
            return Texts.of(lang).get("cli.error") + ": " + ie.localized(lang);
        }
        if (ex instanceof CatalogException || ex instanceof java.io.UncheckedIOException) {
            return "error: " + ex.getMessage();
        }
        java.io.StringWriter sw = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        return "internal error (please report): " + sw;
    }
}

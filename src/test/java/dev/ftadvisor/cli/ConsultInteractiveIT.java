package dev.ftadvisor.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code consult --interactive} in a real pseudo-terminal (util-linux {@code script}), with bad
 * answers that must be explained and asked again, and without a terminal, where it must refuse.
 */
class ConsultInteractiveIT {
    static final Path SCRIPT = Path.of("/usr/bin/script");

    @Test
    void asksEachMissingFactReAsksBadAnswersThenReports() throws Exception {
        String answers = String.join("\n",
                "nosuchmodel", "llama-3-8b",   // model: unknown, then a real one
                "",                              // method: default lora
                "lots", "20M",                   // tokens: not a size, then 20M
                "abc", "",                       // sequence length: not a number, then the default
                "",                              // epochs: default
                "-5", "200",                     // budget: out of range, then $200
                "",                              // deadline: none
                "mars", "us",                    // region: unknown, then us
                "maybe", "no") + "\n";           // spot: not yes/no, then no
        String out = inTerminal(answers, "consult", "--interactive", "--format", "markdown", "--rules", "rules", "--facts", "facts");
        assertThat(out).contains("The model's size decides the memory per GPU")
                .contains("not accepted: model: unknown model 'nosuchmodel'")
                .contains("not accepted: dataset.tokens: expected a count such as 20000000, 20M or 1.5B, got 'lots'")
                .contains("not accepted: sequenceLength: expected a whole number, got 'abc'")
                .contains("not accepted: budgetUsd: expected a value from 0.01")
                .contains("not accepted: region: expected one of ap, cn, eu, us, got 'mars'")
                .contains("not accepted: spotAllowed: expected yes or no, got 'maybe'")
                .contains("# ftadvisor consultation: interactive")
                .contains("**Verdict: FEASIBLE**")
                .contains("Estimate for llama-3-8b");
        // spot was refused and the region is us: every plan is an on-demand or reserved one in a US region
        List<String> rows = out.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
        assertThat(rows).isNotEmpty().noneMatch(r -> r.contains("| spot |"));
    }

    @Test
    void asksOnlyWhatTheFlagsLeaveOpenAndSpeaksChinese() throws Exception {
        String out = inTerminal("\n\n\n\n\n\n\n", "consult", "--interactive", "--lang", "zh", "--format", "markdown",
                "--model", "mistral-7b", "--tokens", "10M", "--rules", "rules", "--facts", "facts");
        assertThat(out).doesNotContain("模型（facts/models.json").contains("方法：full").contains("**结论: 可行**");
    }

    @Test
    void refusesWithoutATerminal() throws Exception {
        JarRunner.Result r = JarRunner.run(Path.of("."), "llama-3-8b\n", "consult", "--interactive");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --interactive needs a terminal to ask questions; "
                + "give a proposal file or flags instead (see consult --help)");
        assertThat(r.out()).isEmpty();
    }

    /** Runs the jar under script(1) so stdin and stdout are a terminal; returns what the terminal showed. */
    private static String inTerminal(String typed, String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) is not installed");
        StringBuilder cmd = new StringBuilder("LANG=C.UTF-8 '").append(Path.of(System.getProperty("java.home"), "bin", "java"))
                .append("' -Dstdout.encoding=UTF-8 -jar '").append(JarRunner.JAR.toAbsolutePath()).append('\'');
        for (String a : args) cmd.append(" '").append(a).append('\'');
        Path out = Files.createTempFile("ftadvisor-tty", ".txt");
        Process p = new ProcessBuilder(SCRIPT.toString(), "-qec", cmd.toString(), "/dev/null")
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("interactive consultation did not finish in 120 s:\n" + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8).replace("\r", "");
        Files.deleteIfExists(out);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}

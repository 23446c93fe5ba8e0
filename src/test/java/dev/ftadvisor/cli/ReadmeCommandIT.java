package dev.ftadvisor.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, as a new user runs it: the launcher on the bundled example. */
class ReadmeCommandIT {

    @Test
    void theLauncherConsultsTheBundledExampleAndLeadsWithTheRecommendation() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("bin/ftadvisor consult facts/proposals/llama3-8b-lora.json");
        ProcessBuilder pb = new ProcessBuilder("bash", "bin/ftadvisor", "consult", "facts/proposals/llama3-8b-lora.json");
        pb.environment().put("XDG_CACHE_HOME", JarRunner.CACHE_HOME.toAbsolutePath().toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("readme-out", ".txt");
        Path err = Files.createTempFile("readme-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        // the answer leads: verdict, then the recommendation with its two lines of why, before the estimate
        assertThat(stdout).contains("Verdict: FEASIBLE").contains("Recommendation: Rent plan #1: ");
        assertThat(stdout.indexOf("Recommendation:")).isLessThan(stdout.indexOf("Estimate for"));
        assertThat(stderr).doesNotContain("Exception");
    }
}

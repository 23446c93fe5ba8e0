package dev.ftadvisor.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** consult's --format markdown|html and --lang en|zh through the packaged jar. */
class ConsultFormatsIT {
    private static final String[] PROPOSAL = {"--model", "llama-3-8b", "--tokens", "20M", "--budget", "50", "--deadline", "24"};

    private static String[] args(String... extra) {
        String[] all = new String[1 + PROPOSAL.length + extra.length];
        all[0] = "consult";
        System.arraycopy(PROPOSAL, 0, all, 1, PROPOSAL.length);
        System.arraycopy(extra, 0, all, 1 + PROPOSAL.length, extra.length);
        return all;
    }

    @Test
    void htmlIsOneSelfContainedPage() throws Exception {
        JarRunner.Result r = JarRunner.run(args("--format", "html", "--lang", "en"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<table id=\"plans\">").contains("class=\"ftadvisor-plot\"")
                .contains("\"budget\":50.0").contains("\"deadline\":24.0").doesNotContain("<script src=");
    }

    @Test
    void markdownInChinese() throws Exception {
        JarRunner.Result r = JarRunner.run(args("--format", "markdown", "--lang", "zh"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# ftadvisor 咨询：cli").contains("**结论: 可行**").contains("| 云厂商 |");
    }

    @Test
    void unknownLanguageOrFormatIsAUsageError() throws Exception {
        JarRunner.Result lang = JarRunner.run(args("--lang", "fr"));
        assertThat(lang.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lang.err().strip()).isEqualTo("error: --lang: expected en or zh, got 'fr'");
        JarRunner.Result format = JarRunner.run(args("--format", "pdf"));
        assertThat(format.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(format.err()).contains("'--format': expected text, json, markdown or html, got 'pdf'");
    }
}

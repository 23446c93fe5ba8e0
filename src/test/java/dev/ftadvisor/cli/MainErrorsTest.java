package dev.ftadvisor.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Input errors: one line, exit 2, in the language asked for with --lang. */
class MainErrorsTest {
    @Test
    void inputErrorsFollowLang() {
        RulesCommandTest.Run en = RulesCommandTest.run("consult", "--model", "lama-3-8b", "--lang", "en");
        assertThat(en.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(en.err().strip()).startsWith("error: model: unknown model 'lama-3-8b'; closest known:").doesNotContain("\n");
        RulesCommandTest.Run zh = RulesCommandTest.run("consult", "--model", "lama-3-8b", "--lang", "zh");
        assertThat(zh.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(zh.err().strip()).startsWith("错误: model: 未知模型“lama-3-8b”；最接近的已知模型：").contains("llama-3-8b");
        RulesCommandTest.Run range = RulesCommandTest.run("consult", "--model", "mistral-7b", "--epochs", "0", "--lang", "zh");
        assertThat(range.err().strip()).isEqualTo("错误: epochs: 应为 0.01 到 1000 之间的值，实际为 0");
    }
}

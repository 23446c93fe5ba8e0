package dev.ftadvisor.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {
    @Test
    void englishAndChineseHaveTheSameKeys() {
        Set<String> en = new TreeSet<>(Texts.of(Lang.EN).keys());
        Set<String> zh = new TreeSet<>(Texts.of(Lang.ZH).keys());
        assertThat(zh).isEqualTo(en);
    }

    @Test
    void textsAreFormattedInTheirLanguage() {
        assertThat(Texts.of(Lang.EN).get("report.rejected", 3)).isEqualTo("Rejected (3 instance configurations)");
        assertThat(Texts.of(Lang.ZH).get("report.rejected", 3)).isEqualTo("已拒绝（3 种实例配置）");
        assertThat(Texts.of(Lang.EN).get("ask.model.why")).contains("model's size");
    }

    @Test
    void languageFromCodeAndLocale() {
        assertThat(Lang.parse("ZH")).isEqualTo(Lang.ZH);
        assertThat(Lang.fromLocale(Locale.TRADITIONAL_CHINESE)).isEqualTo(Lang.ZH);
        assertThat(Lang.fromLocale(Locale.GERMANY)).isEqualTo(Lang.EN);
        assertThatThrownBy(() -> Lang.parse("fr")).hasMessage("lang: expected en or zh, got 'fr'");
    }
}

package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.RuleTranslations;

import dev.ftadvisor.engine.RuleIndex;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.io.ResourceFolder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule in rules/ speaks every language, with the same placeholders as its English template. */
class RuleTranslationsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private final ResourceFolder rules = ResourceFolder.ofDirectory(Path.of("rules"));
    private final List<RuleInfo> index = RuleIndex.of(rules).rules();
    private final RuleTranslations translations = RuleTranslations.load(rules);

    @Test
    void everyRuleHasAChineseTranslation() {
        assertThat(index).isNotEmpty();
        assertThat(translations.missing(index, Lang.ZH))
                .as("rules without a zh message: add them to rules/i18n/<file>.zh.properties, keyed by rule id")
                .isEmpty();
    }

    @Test
    void translationsUseTheSamePlaceholdersAsTheEnglishTemplate() {
        List<String> mismatches = new ArrayList<>();
        for (RuleInfo r : index) {
            String zh = translations.template(Lang.ZH, r.id());
            if (zh == null) continue;
            // the English template is the string literal in the rule's consequence
            Set<String> en = placeholders(r.consequence());
            Set<String> tr = placeholders(zh);
            if (!en.equals(tr)) mismatches.add(r.id() + ": English " + en + ", zh " + tr);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void noTranslationForARuleThatDoesNotExist() {
        Set<String> ids = new TreeSet<>();
        index.forEach(r -> ids.add(r.id()));
        List<String> orphans = new ArrayList<>();
        for (String file : rules.list(".zh.properties")) {
            java.util.Properties p = new java.util.Properties();
            try {
                p.load(new java.io.StringReader(rules.read(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            p.stringPropertyNames().stream().filter(k -> !ids.contains(k)).forEach(k -> orphans.add(file + ": " + k));
        }
        assertThat(orphans).isEmpty();
    }

    @Test
    void aMissingTranslationFallsBackToEnglishAndIsListed() {
        RuleInfo fake = new RuleInfo("x", "no.such-rule", List.of(), "info", "t", "", "memory.drl", 1, "p", "", "out.note(drools, \"x\");");
        assertThat(translations.message(Lang.ZH, "no.such-rule", "english text", List.of())).isEqualTo("english text");
        assertThat(translations.missing(List.of(fake), Lang.ZH)).containsExactly("i18n/memory.zh.properties: no.such-rule");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}

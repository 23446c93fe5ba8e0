package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.engine.Messages;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.io.ResourceFolder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Rule messages in other languages, kept beside the rules so an auditor sees every language a rule
 * speaks: {@code rules/i18n/<drl-basename>.<lang>.properties}, keyed by rule id, each value a
 * MessageFormat template with the same {0}-style placeholders as the rule's English template. English
 * is the rule's own text in the DRL.
 */
public final class RuleTranslations {
    public static final String FOLDER = "i18n/";
    private final Map<Lang, Map<String, String>> byLang;

    private RuleTranslations(Map<Lang, Map<String, String>> byLang) {
        this.byLang = byLang;
    }

    /** Reads every translation file under the rules folder's i18n/ (none is fine: English only). */
    public static RuleTranslations load(ResourceFolder rules) {
        Map<Lang, Map<String, String>> byLang = new HashMap<>();
        for (Lang lang : Lang.values()) {
            if (lang == Lang.EN) continue;
            Map<String, String> templates = new HashMap<>();
            for (String file : rules.list("." + lang.code() + ".properties")) {
                if (!file.startsWith(FOLDER)) continue;
                Properties p = new Properties();
                try {
                    p.load(new StringReader(rules.read(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                p.stringPropertyNames().forEach(k -> templates.put(k, p.getProperty(k)));
            }
            byLang.put(lang, templates);
        }
        return new RuleTranslations(byLang);
    }

    /** The template for ruleId in lang, or null when there is none (English: always null). */
    public String template(Lang lang, String ruleId) {
        Map<String, String> m = byLang.get(lang);
        return m == null ? null : m.get(ruleId);
    }

    /**
     * The message in lang: the translated template filled with the finding's own arguments, or the
     * English message when the language is English or the rule has no translation.
     */
    public String message(Lang lang, String ruleId, String englishMessage, List<Object> args) {
        String t = template(lang, ruleId);
        return t == null ? englishMessage : Messages.format(t, args.toArray());
    }

    /** The expected file for a rule's translations: memory.drl -> i18n/memory.zh.properties. */
    public static String fileFor(RuleInfo rule, Lang lang) {
        String base = rule.file().replaceAll("\\.drl$", "");
        return FOLDER + base + "." + lang.code() + ".properties";
    }

    /** "file: rule id" for each rule with no translation in lang (the translation test lists these). */
    public List<String> missing(List<RuleInfo> rules, Lang lang) {
        List<String> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            // a rule that only derives a fact (classes.drl) has no message to translate
            if (!r.consequence().contains("out.")) continue;
            if (template(lang, r.id()) == null) out.add(fileFor(r, lang) + ": " + r.id());
        }
        return out;
    }
}

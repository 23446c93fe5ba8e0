package dev.ftadvisor.i18n;


import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's and the reports' own words (labels, headings, prompts) in one language, from the
 * resource bundles i18n/texts*.properties (UTF-8). Rule messages are not here: they live beside the
 * rules (see report.RuleTranslations).
 */
public final class Texts {
    private static final String BUNDLE = "i18n.texts";
    private final Lang lang;
    private final ResourceBundle bundle;

    private Texts(Lang lang) {
        this.lang = lang;
        // ROOT fallback control: an English default must not be replaced by the JVM's locale bundle
        this.bundle = ResourceBundle.getBundle(BUNDLE, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(Lang lang) {
        return new Texts(lang);
    }

    public Lang lang() {
        return lang;
    }

    /** The text for key, formatted with MessageFormat (so '' is an apostrophe in every text). */
    public String get(String key, Object... args) {
        String t;
        try {
            t = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + BUNDLE + " for " + lang.code(), e);
        }
        return new MessageFormat(t, Locale.ROOT).format(args);
    }

    /** Whether the bundle for this language has key (tests compare the languages' key sets). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return bundle.keySet();
    }
}

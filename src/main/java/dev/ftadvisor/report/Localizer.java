package dev.ftadvisor.report;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.model.Finding;
import dev.ftadvisor.model.Verdict;

import java.util.List;

/**
 * Re-words what the rules concluded in another language before the report is built: each finding
 * and the verdict keep their rule, numbers and effects; only the message is re-formatted from the
 * rule's translated template with the same arguments.
 */
public final class Localizer {
    private final RuleTranslations translations;

    public Localizer(RuleTranslations translations) {
        this.translations = translations;
    }

    /** A localizer with the translations kept beside the rules in this folder. */
    public static Localizer forRules(dev.ftadvisor.io.ResourceFolder rules) {
        return new Localizer(RuleTranslations.load(rules));
    }

    public Outcome localize(Outcome o, Lang lang) {
        if (lang == Lang.EN) return o;
        List<Finding> findings = o.findings().stream().map(f -> translate(f, lang)).toList();
        Verdict v = o.verdict();
        Verdict verdict = v == null ? null : new Verdict(v.getValue(),
                translations.message(lang, v.getRuleId(), v.getSummary(), v.getArgs()), v.getRuleId(), v.getTemplate(), v.getArgs());
        return o.withFindings(findings, verdict);
    }

    private Finding translate(Finding f, Lang lang) {
        String message = translations.message(lang, f.getId(), f.getMessage(), f.getArgs());
        if (message.equals(f.getMessage())) return f;
        return f.withMessage(message);
    }
}

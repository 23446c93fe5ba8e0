package dev.ftadvisor.i18n;

import java.util.Locale;

/** The languages ftadvisor speaks. The default follows the user's locale (zh for any Chinese locale). */
public enum Lang {
    EN, ZH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** "en" or "zh" (case-insensitive); anything else is refused with the accepted values. */
    public static Lang parse(String code) {
        if (code != null) {
            for (Lang l : values()) {
                if (l.code().equalsIgnoreCase(code.strip())) return l;
            }
        }
        throw new IllegalArgumentException("lang: expected en or zh, got '" + code + "'");
    }

    public static Lang fromLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    public static Lang defaultLang() {
        return fromLocale(Locale.getDefault());
    }
}

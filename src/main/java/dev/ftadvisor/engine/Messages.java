package dev.ftadvisor.engine;

import java.text.MessageFormat;
import java.util.Locale;

/** Formats rule message templates ({0}-style placeholders, MessageFormat syntax) the same way everywhere. */
public final class Messages {
    private Messages() {
    }

    public static String format(String template, Object... args) {
        if (args == null || args.length == 0) return template.replace("''", "'");
        return new MessageFormat(template, Locale.ROOT).format(args);
    }
}

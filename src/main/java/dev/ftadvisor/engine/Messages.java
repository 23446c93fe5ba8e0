package dev.ftadvisor.engine;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Formats rule message templates ({0}-style placeholders, MessageFormat syntax) the same way everywhere. */
public final class Messages {
    private Messages() {
    }

    /** Parsed templates, per thread (MessageFormat is not thread-safe); one per rule message, so bounded. */
    private static final ThreadLocal<Map<String, MessageFormat>> PARSED = ThreadLocal.withInitial(HashMap::new);

    public static String format(String template, Object... args) {
        if (args == null || args.length == 0) return template.replace("''", "'");
        return PARSED.get().computeIfAbsent(template, t -> new MessageFormat(t, Locale.ROOT)).format(args);
    }
}

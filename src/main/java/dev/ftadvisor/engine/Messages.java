package dev.ftadvisor.engine;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Formats rule message templates ({0}-style placeholders, MessageFormat syntax) the same way everywhere. */
public final class Messages {
    /*
     * Parsing a MessageFormat pattern costs more than formatting it, and a consultation formats
     * hundreds of findings from a few dozen templates: keep parsed patterns per thread
     * (MessageFormat is not thread-safe). Templates are string literals of the rules, so the map
     * stays as small as the rule base.
     */
    private static final ThreadLocal<Map<String, MessageFormat>> PARSED = ThreadLocal.withInitial(HashMap::new);

    private Messages() {
    }

    public static String format(String template, Object... args) {
        if (args == null || args.length == 0) return template.replace("''", "'");
        return PARSED.get().computeIfAbsent(template, t -> new MessageFormat(t, Locale.ROOT)).format(args);
    }
}

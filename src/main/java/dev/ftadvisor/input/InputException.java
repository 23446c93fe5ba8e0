package dev.ftadvisor.input;

import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.i18n.Texts;

import java.util.Arrays;

/**
 * A user's input is wrong. The message names the field (or file:line) and what was expected.
 * Problems raised with {@link #of} carry a text key (i18n/texts*.properties, prefix "input.") and
 * its arguments, so the same problem can be told in the user's language ({@link #localized}).
 */
public class InputException extends RuntimeException {
    private final String field;
    private final String key;
    private final Object[] args;

    public InputException(String field, String message) {
        this(field, null, new Object[0], message);
    }

    private InputException(String field, String key, Object[] args, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field;
        this.key = key;
        this.args = args;
    }

    /** A problem told by the text "input.KEY"; arguments that are {@link Word}s are translated too. */
    public static InputException of(String field, String key, Object... args) {
        return new InputException(field, key, args, text(Lang.EN, key, args));
    }

    /** A word of the message that is itself translated (a type name such as "a number"). */
    public record Word(String key) {
    }

    public String field() { return field; }

    /** The message in the given language (English when the problem has no text key). */
    public String localized(Lang lang) {
        if (key == null || lang == Lang.EN) return getMessage();
        String text = text(lang, key, args);
        return field == null || field.isEmpty() ? text : field + ": " + text;
    }

    private static String text(Lang lang, String key, Object[] args) {
        Texts t = Texts.of(lang);
        Object[] resolved = Arrays.stream(args).map(a -> a instanceof Word w ? t.get("input.word." + w.key()) : a).toArray();
        return t.get("input." + key, resolved);
    }

    /** The same problem, located in a file (and line, when known). */
    public InputException in(String location) {
        String located = location + (field == null || field.isEmpty() ? "" : ": " + field);
        String message = super.getMessage().substring(field == null || field.isEmpty() ? 0 : field.length() + 2);
        return new InputException(located, key, args, message);
    }
}

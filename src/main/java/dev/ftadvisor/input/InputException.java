package dev.ftadvisor.input;

/** A user's input is wrong. The message names the field (or file:line) and what was expected. */
public class InputException extends RuntimeException {
    private final String field;

    public InputException(String field, String message) {
        super(field == null || field.isEmpty() ? message : field + ": " + message);
        this.field = field;
    }

    public String field() { return field; }

    /** The same problem, located in a file (and line, when known). */
    public InputException in(String location) {
        return new InputException(location + (field == null || field.isEmpty() ? "" : ": " + field),
                super.getMessage().substring(field == null || field.isEmpty() ? 0 : field.length() + 2));
    }
}

package dev.ftadvisor.engine;

/** A compile or lint problem in a rules folder, printed as {@code file:line:col: message}. */
public record RuleProblem(String file, int line, int column, String message) implements Comparable<RuleProblem> {
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + message;
    }

    @Override
    public int compareTo(RuleProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}

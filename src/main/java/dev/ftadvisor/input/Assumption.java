package dev.ftadvisor.input;

/** A value the consultation used that the proposal did not state, and where it comes from. */
public record Assumption(String field, String value, String source) {
}

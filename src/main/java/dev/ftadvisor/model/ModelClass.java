package dev.ftadvisor.model;

import java.util.Objects;

/**
 * The guide's size class of the proposal's model ({@code small}, {@code 7b}, {@code 13b}, {@code 20b},
 * {@code 30b}, {@code 70b}), derived once by rules/classes.drl from the named bounds in
 * thresholds.yaml. The rules that advise per size read this fact instead of comparing parameter
 * counts themselves, so a class boundary lives in one place. Immutable; equal by name. Inserted
 * with a plain insert: the proposal does not change within a session, so no truth maintenance is needed.
 */
public final class ModelClass {
    private final String name;

    public ModelClass(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String getName() { return name; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelClass m && m.name.equals(name);
    }

    @Override
    public int hashCode() { return name.hashCode(); }

    @Override
    public String toString() { return "ModelClass[" + name + "]"; }
}

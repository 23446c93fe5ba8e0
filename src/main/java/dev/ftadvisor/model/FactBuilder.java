package dev.ftadvisor.model;

/**
 * What every fact builder shares: it fills one object and hands it over once. After {@link #build()}
 * the builder refuses further changes, so a fact the rules see cannot be changed through it.
 */
public abstract class FactBuilder<T> {
    private T target;

    protected FactBuilder(T target) {
        this.target = target;
    }

    /** The object being filled; an error once it has been built. */
    protected final T target() {
        if (target == null) throw new IllegalStateException(getClass().getName() + " used after build()");
        return target;
    }

    /** The finished object; the builder cannot change it afterwards. */
    public T build() {
        T done = target();
        target = null;
        return done;
    }
}

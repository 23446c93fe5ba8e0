package dev.ftadvisor.report;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only list made on first read. A report's estimate assumptions are a dozen formatted
 * sentences; a batch writing a CSV summary never reads them, so they are not made for it.
 */
final class LazyList<T> extends AbstractList<T> {
    private Supplier<List<T>> source;
    private List<T> list;

    LazyList(Supplier<List<T>> source) {
        this.source = source;
    }

    private synchronized List<T> list() {
        if (list == null) {
            list = List.copyOf(source.get());
            source = null;
        }
        return list;
    }

    @Override
    public T get(int index) { return list().get(index); }

    @Override
    public int size() { return list().size(); }
}

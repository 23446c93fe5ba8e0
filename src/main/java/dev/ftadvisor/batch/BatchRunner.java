package dev.ftadvisor.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a batch as a stream: the calling thread reads records and hands them to {@code jobs} workers
 * sharing one {@link BatchEvaluator}, then writes the results in input order. The reorder buffer is
 * bounded ({@code jobs x WINDOW_PER_JOB} records in flight), so memory does not grow with the
 * number of records, and a slow record only holds back the writing, never the order.
 */
public final class BatchRunner {
    static final int WINDOW_PER_JOB = 32;

    /**
     * What the batch did: records written, of which errors, and whether --fail-fast stopped it; the
     * time taken, and the same for the steady part of the run (see {@link Counts#checkpoint}).
     */
    public record Summary(long records, long errors, boolean stopped, long nanos, long cpuNanos,
                          long steadyRecords, long steadyNanos, long steadyCpuNanos, long rulesErrors, long internalErrors) {
        public double perSecond() { return nanos == 0 ? 0 : records / (nanos / 1e9); }

        /** Records per second of CPU time (all threads): steadier than wall time on a shared machine. */
        public double perCpuSecond() { return cpuNanos <= 0 ? 0 : records / (cpuNanos / 1e9); }

        /** Records per second after the warm-up (0 when the batch was too small to tell). */
        public double steadyPerSecond() { return steadyNanos <= 0 ? 0 : steadyRecords / (steadyNanos / 1e9); }

        public double steadyPerCpuSecond() { return steadyCpuNanos <= 0 ? 0 : steadyRecords / (steadyCpuNanos / 1e9); }
    }

    /** CPU time of the whole process so far, or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private final BatchEvaluator evaluator;
    private final int jobs;
    private final boolean failFast;

    public BatchRunner(BatchEvaluator evaluator, int jobs, boolean failFast) {
        if (jobs < 1) throw new IllegalArgumentException("--jobs: expected 1 or more, got " + jobs);
        this.evaluator = evaluator;
        this.jobs = jobs;
        this.failFast = failFast;
    }

    public Summary run(Iterator<BatchRecord> records, ResultWriter writer, Progress progress) throws IOException {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        ExecutorService pool = jobs == 1 ? null : Executors.newFixedThreadPool(jobs, daemonThreads());
        ArrayDeque<Future<BatchResult>> window = new ArrayDeque<>();
        int max = jobs * WINDOW_PER_JOB;
        Counts counts = new Counts();
        try {
            while (!counts.stopped && records.hasNext()) {
                BatchRecord r = records.next();
                window.add(pool == null ? CompletableFuture.completedFuture(evaluator.evaluate(r))
                        : pool.submit(() -> evaluator.evaluate(r)));
                // write what is ready at the head; block on the head only when the window is full
                while (!counts.stopped && !window.isEmpty() && (window.size() >= max || window.peek().isDone())) {
                    emit(take(window.poll()), writer, progress, counts);
                }
            }
            while (!counts.stopped && !window.isEmpty()) {
                emit(take(window.poll()), writer, progress, counts);
            }
            writer.finish();
        } finally {
            for (Future<BatchResult> f : window) f.cancel(true);
            if (pool != null) pool.shutdownNow();
        }
        long written = counts.written;
        long errors = counts.errors;
        boolean stopped = counts.stopped;
        long cpuEnd = processCpuNanos();
        long end = System.nanoTime();
        // steady state: from the last checkpoint at or before half the batch to the end
        int k = counts.checkpoints - 1;
        while (k >= 0 && counts.checkpointRecords[k] > written / 2) k--;
        long steadyRecords = k < 0 ? 0 : written - counts.checkpointRecords[k];
        long steadyNanos = k < 0 ? 0 : end - counts.checkpointNanos[k];
        long steadyCpu = k < 0 || cpuStart < 0 ? 0 : cpuEnd - counts.checkpointCpuNanos[k];
        return new Summary(written, errors, stopped, end - start, cpuStart < 0 ? -1 : cpuEnd - cpuStart,
                steadyRecords, steadyNanos, steadyCpu, counts.rulesErrors, counts.internalErrors);
    }

    private static final class Counts {
        long written;
        long errors;
        long rulesErrors;
        long internalErrors;
        boolean stopped;
        /*
         * Clock readings when the written count reaches 2^10, 2^11, ...: a steady-state rate for a
         * batch of any size (the JIT warms up over the first 20-30k records), in constant memory.
         */
        final long[] checkpointRecords = new long[64];
        final long[] checkpointNanos = new long[64];
        final long[] checkpointCpuNanos = new long[64];
        int checkpoints;

        void checkpoint() {
            if (written >= 1024 && Long.bitCount(written) == 1 && checkpoints < checkpointRecords.length) {
                checkpointRecords[checkpoints] = written;
                checkpointNanos[checkpoints] = System.nanoTime();
                checkpointCpuNanos[checkpoints] = processCpuNanos();
                checkpoints++;
            }
        }
    }

    private void emit(BatchResult result, ResultWriter writer, Progress progress, Counts counts) throws IOException {
        writer.write(result);
        counts.written++;
        counts.checkpoint();
        if (result.isError()) {
            counts.errors++;
            if (result.errorKind() == BatchResult.ErrorKind.RULES) counts.rulesErrors++;
            if (result.errorKind() == BatchResult.ErrorKind.INTERNAL) counts.internalErrors++;
            counts.stopped = failFast;
        }
        progress.done(counts.written, counts.errors);
    }

    /** A worker's failure that is not the record's fault (a rule failing at run time) ends the batch. */
    private static BatchResult take(Future<BatchResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ftadvisor-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.ftadvisor.engine;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one consultation under its {@link EngineLimits}: on a thread of its own, so that a rule that
 * never returns (a {@code while (true)} in a consequence, a constraint that loops) cannot keep the
 * caller (the CLI, a batch worker, a server request) waiting. Past the time limit the consultation is
 * stopped, in this order: its sessions are halted (which ends a firing loop between rules), its thread
 * is interrupted, and if it still runs (Java code in a consequence does not look at either) the thread
 * is stopped with {@code Thread.stop}, which Java 17 to 19 still perform. The bytecode check refuses
 * the ways a rule could resist that ({@code catch (Throwable)}, {@code finally}, locks). Should the
 * thread still not end (a JVM without {@code Thread.stop}), it is abandoned: it is a daemon thread and
 * never holds the caller, and the rule set is marked poisoned, so that no further consultation of it
 * starts another thread that cannot be stopped.
 * <p>The project's own rules (a trusted {@link RuleCode}) run on the caller's thread instead, with the
 * same deadline checked between the consultation's phases and the same firing limit: a batch pays no
 * thread hand-over per record (about 15-50 microseconds each, measured on two cores).
 * <p>A stack overflow or an out-of-memory error in a rule ends that consultation the same way: one
 * {@link RuleFailedException} naming the rule, never a stack trace. The change explorer's consultations
 * of variants run on the thread of the consultation that asked for them, within its time limit.
 */
final class RuleRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);
    private static final long GRACE_MILLIS = 250;
    private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "ftadvisor-rules-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private RuleRunner() {
    }

    /** One consultation in progress: its deadline, its thread and its open sessions (halted if it must stop). */
    static final class Run {
        private final RuleSet rules;
        private final EngineLimits limits;
        private final long deadline;
        private final List<KieSession> sessions = new CopyOnWriteArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Thread thread;
        private volatile boolean stopping;
        /** 0: not started, 1: running, 2: given up before it started. */
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();

        Run(RuleSet rules, EngineLimits limits) {
            this.rules = rules;
            this.limits = limits;
            this.deadline = System.nanoTime() + limits.timeout().toNanos();
        }

        /**
         * Between two phases of a consultation: past the deadline, or with the thread interrupted (a
         * server giving up on the request), the consultation ends here.
         */
        void checkpoint() {
            if (Thread.currentThread().isInterrupted()) {
                throw failure(rules, RuleFailedException.Kind.INTERRUPTED, (DrlLocations.Place) null,
                        "was interrupted: the consultation was cancelled");
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure(rules, RuleFailedException.Kind.TIMEOUT, (DrlLocations.Place) null,
                        "did not finish within " + seconds(limits) + " (the consultation's time limit, --rule-timeout): stopped");
            }
        }

        void opened(KieSession session) {
            sessions.add(session);
            if (stopping) session.halt();
        }

        void closed(KieSession session) {
            sessions.remove(session);
        }
    }

    /** The consultation running on this thread, or null. */
    static Run current() {
        return CURRENT.get();
    }

    static <T> T run(RuleSet rules, EngineLimits limits, Supplier<T> body) {
        if (CURRENT.get() != null) return body.get(); // a variant's consultation: same thread, same deadline
        String poisoned = rules.code().poisoned();
        if (poisoned != null) {
            throw new RuleFailedException(RuleFailedException.Kind.POISONED, rules.folder() == null ? "rules" : rules.folder().label(), 1,
                    "the rules are not run any more in this process: " + poisoned);
        }
        Run run = new Run(rules, limits);
        if (rules.code().trusted()) return inline(rules, run, body);
        FutureTask<T> task = new FutureTask<>(() -> {
            if (!run.state.compareAndSet(0, 1)) return null; // given up before it started
            return inline(rules, run, body);  // on the worker thread, with the same error handling
        });
        POOL.execute(task);
        try {
            return task.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Thread t = run.thread;
            DrlLocations.Place where = t == null ? null : rules.code().placeOf(t.getStackTrace());
            stop(rules, run, task, where);
            escalate(rules, run, where);
            throw failure(rules, RuleFailedException.Kind.TIMEOUT, where, "did not finish within "
                    + seconds(limits) + " (the consultation's time limit, --rule-timeout): stopped");
        } catch (InterruptedException e) {
            // the caller gave up (a server's own timeout): it is answered now, the stopping goes on beside it
            Thread t = run.thread;
            DrlLocations.Place where = t == null ? null : rules.code().placeOf(t.getStackTrace());
            stop(rules, run, task, where);
            Thread reaper = new Thread(() -> escalate(rules, run, where), "ftadvisor-rules-stopper");
            reaper.setDaemon(true);
            reaper.start();
            Thread.currentThread().interrupt();
            throw failure(rules, RuleFailedException.Kind.INTERRUPTED, where, "was interrupted: the consultation was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Runs the consultation on this thread as the given run, turning a stack overflow or running out
     * of memory into a one-line rule failure. The project's own rules (checked by the build, with
     * scenarios that bound their firings) run so on the caller's thread: a batch pays no hand-over per
     * record; the deadline is checked between phases and the firing limit still applies. A folder from
     * elsewhere runs so on a worker thread that can be stopped.
     */
    private static <T> T inline(RuleSet rules, Run run, Supplier<T> body) {
        run.thread = Thread.currentThread();
        CURRENT.set(run);
        try {
            return body.get();
        } catch (StackOverflowError e) {
            throw failure(rules, RuleFailedException.Kind.STACK_OVERFLOW, e.getStackTrace(),
                    "overflowed the stack (unbounded recursion?): stopped");
        } catch (OutOfMemoryError e) {
            throw failure(rules, RuleFailedException.Kind.OUT_OF_MEMORY, e.getStackTrace(), "ran out of memory: stopped");
        } finally {
            CURRENT.remove();
            run.done.countDown();
        }
    }

    private static String seconds(EngineLimits limits) {
        long ms = limits.timeout().toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    static RuleFailedException failure(RuleSet rules, RuleFailedException.Kind kind, StackTraceElement[] stack, String what) {
        DrlLocations.Place where;
        try {
            where = rules.code().placeOf(stack);
        } catch (RuntimeException | StackOverflowError e) {
            where = null;
        }
        return failure(rules, kind, where, what);
    }

    static RuleFailedException failure(RuleSet rules, RuleFailedException.Kind kind, DrlLocations.Place where, String what) {
        if (where == null) {
            return new RuleFailedException(kind, rules.folder() == null ? "rules" : rules.folder().label(), 1,
                    "a consultation " + what);
        }
        return new RuleFailedException(kind, where.file(), where.line(), describe(rules, where) + " " + what);
    }

    /** "rule 'name' (id)" when the rule has an id, else the place's own words. */
    static String describe(RuleSet rules, DrlLocations.Place where) {
        String what = where.what();
        if (what.startsWith("rule '")) {
            int end = what.indexOf('\'', 6);
            RuleInfo info = end < 0 ? null : rules.index().byName(what.substring(6, end));
            if (info != null && info.id() != null) return what.substring(0, end + 1) + " (" + info.id() + ")" + what.substring(end + 1);
        }
        return what;
    }

    /** Halts the consultation's sessions and interrupts its thread: enough unless a rule's own code spins. */
    private static void stop(RuleSet rules, Run run, FutureTask<?> task, DrlLocations.Place where) {
        run.stopping = true;
        if (run.state.compareAndSet(0, 2)) {
            // the pool had not started it yet: it never will
            task.cancel(false);
            run.done.countDown();
            return;
        }
        for (KieSession s : run.sessions) {
            try {
                s.halt();
            } catch (RuntimeException ignored) {
                // a session in a broken state: the interruption below still applies
            }
        }
        task.cancel(true);
    }

    /** Then, if the thread still runs: Thread.stop; if even that fails, the thread is abandoned and the rule set poisoned. */
    private static void escalate(RuleSet rules, Run run, DrlLocations.Place where) {
        if (await(run.done, GRACE_MILLIS)) return;
        Thread t = run.thread;
        if (t != null && run.done.getCount() > 0) {
            try {
                Thread.class.getMethod("stop").invoke(t);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Java 20+: Thread.stop is gone; the thread is abandoned below
            }
        }
        if (await(run.done, 4 * GRACE_MILLIS)) return;
        String what = where == null ? "a consultation" : describe(rules, where);
        rules.code().poison(what + " could not be stopped");
        LOG.warn("{} could not be stopped: its thread is abandoned and the rules of {} are not run again", what,
                rules.folder() == null ? "this rule set" : rules.folder().label());
    }

    /** Waits for the latch, whatever interrupts this thread meanwhile (the interrupt is kept for the caller). */
    private static boolean await(CountDownLatch latch, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        try {
            while (true) {
                long left = end - System.nanoTime();
                try {
                    return latch.await(Math.max(0, left), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (left <= 0) return latch.getCount() == 0;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}

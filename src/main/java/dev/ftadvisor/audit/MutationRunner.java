package dev.ftadvisor.audit;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.engine.EngineLimits;
import dev.ftadvisor.engine.RuleCompiler;
import dev.ftadvisor.engine.RuleSet;
import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.engine.ThresholdsFile;
import dev.ftadvisor.facts.Catalog;
import dev.ftadvisor.io.ResourceFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a folder's scenarios against each of its mutants ({@link MutantFinder}): a mutant is killed when
 * some scenario fails (or a rule fails) with it, survives when every scenario still passes, and is
 * invalid when it does not compile (not counted). A threshold mutant reuses the compiled rules with one
 * value moved; a literal or operator mutant is compiled from an edited copy of the folder, then
 * discarded. Scenarios stop at the first failure, so a killed mutant costs little.
 */
public final class MutationRunner {
    /** What became of one mutant, and which scenario noticed it. */
    public record Result(Mutant mutant, Status status, String killedBy) {
    }

    public enum Status { KILLED, SURVIVED, INVALID;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** All results, in the order the mutants were listed. */
    public record Summary(List<Result> results) {
        public long count(Status s) { return results.stream().filter(r -> r.status() == s).count(); }

        /** Killed mutants among the valid ones, in percent (100 when there are none). */
        public double score() {
            long valid = results.size() - count(Status.INVALID);
            return valid == 0 ? 100 : 100.0 * count(Status.KILLED) / valid;
        }
    }

    /** The folder's own scenarios fail before any mutation: mutation testing needs a passing suite. */
    public static final class RedSuite extends RuntimeException {
        public RedSuite(String message) {
            super(message);
        }
    }

    private final ResourceFolder folder;
    private final RuleSet rules;
    private final Catalog catalog;
    private final List<Scenario> scenarios;
    private final EngineLimits limits;

    /** The limits bound each mutant's consultations too: a negated condition can make rules loop. */
    public MutationRunner(ResourceFolder folder, RuleSet rules, Catalog catalog, List<Scenario> scenarios, EngineLimits limits) {
        this.folder = folder;
        this.limits = limits;
        this.rules = rules;
        this.catalog = catalog;
        this.scenarios = scenarios;
    }

    public Summary run(List<Mutant> mutants, int jobs, Consumer<Result> progress) {
        Advisor original = new Advisor(rules, catalog, limits);
        String red = firstFailure(original);
        if (red != null) throw new RedSuite("the scenarios fail before any mutation (" + red + "): run 'rules test' and fix them first");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "mutant");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Mutant m : mutants) {
                futures.add(pool.submit(() -> {
                    Result r = judge(m, original);
                    synchronized (this) {
                        progress.accept(r);
                    }
                    return r;
                }));
            }
            List<Result> out = new ArrayList<>(futures.size());
            for (Future<Result> f : futures) out.add(f.get());
            return new Summary(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Result judge(Mutant m, Advisor original) {
        if (m.kind() == Mutant.Kind.THRESHOLD) {
            String by = firstFailure(new Advisor(rules, catalog, limits, m.apply(original.thresholds())));
            return new Result(m, by == null ? Status.SURVIVED : Status.KILLED, by);
        }
        Path dir = null;
        RuleSet mutated = null;
        try {
            dir = copyWith(m);
            try {
                mutated = RuleCompiler.compileOnce(ResourceFolder.ofDirectory(dir));
            } catch (RulesCompileException e) {
                return new Result(m, Status.INVALID, null);
            }
            String by = firstFailure(new Advisor(mutated, catalog, limits));
            return new Result(m, by == null ? Status.SURVIVED : Status.KILLED, by);
        } finally {
            if (mutated != null) RuleCompiler.discard(mutated);
            if (dir != null) delete(dir);
        }
    }

    /** The location of the first scenario that fails with these rules, or null when all pass. */
    private String firstFailure(Advisor advisor) {
        ScenarioRunner runner = new ScenarioRunner(advisor);
        for (Scenario s : scenarios) {
            try {
                if (!runner.run(s).passed()) return s.location;
            } catch (RuntimeException | StackOverflowError e) {
                return s.location + " (a rule failed: " + e.getClass().getSimpleName() + ")";
            }
        }
        return null;
    }

    /** A temporary copy of the folder's rule files and thresholds with the mutant's edit applied. */
    private Path copyWith(Mutant m) {
        try {
            Path dir = Files.createTempDirectory("ftadvisor-mutant");
            for (String f : folder.list(".drl")) {
                String text = folder.read(f);
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.equals(m.file()) ? m.apply(text) : text);
            }
            if (folder.exists(ThresholdsFile.FILE)) Files.writeString(dir.resolve(ThresholdsFile.FILE), folder.read(ThresholdsFile.FILE));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a mutant's copy of the rules: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind is the system's to clean
        }
    }
}

package dev.ftadvisor.server;

import dev.ftadvisor.report.ReportFormat;

import dev.ftadvisor.consult.Consultation;

import dev.ftadvisor.engine.Advisor;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalReader;
import dev.ftadvisor.input.ResolvedProposal;
import dev.ftadvisor.report.HtmlRenderer;
import dev.ftadvisor.report.JsonRenderer;
import dev.ftadvisor.report.MarkdownRenderer;
import dev.ftadvisor.report.Report;
import dev.ftadvisor.report.TextRenderer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consultations for the HTTP server on a bounded pool: at most {@code threads} run at once, at most
 * {@code queue} wait, and each gets {@code timeoutMillis} before the caller is answered 503. The rules
 * and facts are the ones the server started with; a request can only send a proposal.
 */
public final class ConsultService implements AutoCloseable {
    /** What the HTTP layer sends back: a status, a content type and a body. */
    public record Answer(int status, String contentType, String body) {
    }

    /** The request cannot be served now (pool full or too slow): HTTP 503. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private final Consultation consultation;
    private final ThreadPoolExecutor pool;
    private final long timeoutMillis;

    public ConsultService(Advisor advisor, int threads, int queue, long timeoutMillis) {
        this.consultation = new Consultation(advisor);
        this.timeoutMillis = timeoutMillis;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "consult-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** How busy the consultations are, for {@code /healthz}. */
    public record Load(int running, int threads, int queued, int queueCapacity) {
        public String state() {
            if (queued >= queueCapacity) return "saturated";
            return running >= threads && queued > 0 ? "busy" : "ok";
        }
    }

    public Load load() {
        int queued = pool.getQueue().size();
        return new Load(pool.getActiveCount(), pool.getMaximumPoolSize(), queued, queued + pool.getQueue().remainingCapacity());
    }

    public Advisor advisor() {
        return consultation.advisor();
    }

    /**
     * Reads the proposal (strict JSON, the CLI's reader and resolver, so the field messages are the
     * CLI's), consults and renders. Input errors surface as InputException for the caller's 400.
     */
    public Answer consult(String body, Lang lang, ReportFormat format) {
        ProposalInput input = ProposalReader.read(body, false);
        ResolvedProposal resolved = consultation.resolve(input, "web");
        Future<Report> f;
        try {
            f = pool.submit(() -> consultation.run(resolved, lang, false).report());
        } catch (RejectedExecutionException e) {
            throw new Unavailable("busy: too many consultations waiting; try again shortly");
        }
        Report report;
        try {
            report = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Unavailable("timeout: the consultation took longer than " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        return switch (format) {
            case HTML -> new Answer(200, "text/html; charset=utf-8", new HtmlRenderer(lang,
                    resolved.proposal().getBudgetUsd(), resolved.proposal().getDeadlineHours()).fragment(report));
            case MARKDOWN -> new Answer(200, "text/markdown; charset=utf-8", new MarkdownRenderer(lang).render(report));
            case TEXT -> new Answer(200, "text/plain; charset=utf-8", new TextRenderer(lang).render(report));
            case JSON -> new Answer(200, "application/json", new JsonRenderer(false).render(report));
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

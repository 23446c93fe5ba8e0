package dev.ftadvisor.server;

import dev.ftadvisor.report.ReportFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ftadvisor.engine.RuleInfo;
import dev.ftadvisor.i18n.Lang;
import dev.ftadvisor.report.RuleTranslations;
import dev.ftadvisor.input.InputException;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;

import dev.ftadvisor.engine.RulesCompileException;
import dev.ftadvisor.input.ProposalText;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: the JSON API and the web page over Undertow. Bounded on every side: request bodies
 * ({@code maxBodyBytes}), Undertow's worker threads, and the consultations' own pool and timeout
 * (see {@link ConsultService}). The rules and facts are fixed when the server starts; requests carry
 * proposals only, never paths.
 */
public final class AdvisorServer implements AutoCloseable {
    static {
        // Undertow and XNIO log through jboss-logging: route it to slf4j (stderr, warn) like the rest
        if (System.getProperty("org.jboss.logging.provider") == null) System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    /**
     * The server's limits; {@link #defaults()} suits one machine serving a team. {@code bodyTimeoutMillis}
     * is how long a client may take to send its whole request body: a slower one is disconnected.
     */
    public record Limits(int workerThreads, int consultThreads, int queue, long timeoutMillis, int maxBodyBytes,
                         long bodyTimeoutMillis) {
        static final long DEFAULT_BODY_TIMEOUT_MILLIS = 10_000;

        public Limits(int workerThreads, int consultThreads, int queue, long timeoutMillis, int maxBodyBytes) {
            this(workerThreads, consultThreads, queue, timeoutMillis, maxBodyBytes, DEFAULT_BODY_TIMEOUT_MILLIS);
        }

        public static Limits defaults() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Limits(32, Math.max(2, cores), 512, 30_000, 64 * 1024);
        }
    }

    private final ConsultService service;
    private final Limits limits;
    private final Undertow undertow;
    private final String rulesJson;
    private final String catalogJson;

    public AdvisorServer(ConsultService service, String host, int port, Limits limits) {
        this.service = service;
        this.limits = limits;
        this.rulesJson = toJson(rules());
        this.catalogJson = toJson(catalog());
        HttpHandler routes = Handlers.routing()
                .get("/", new BlockingHandler(this::page))
                .get("/healthz", this::health)
                .get("/api/rules", ex -> send(ex, 200, "application/json", rulesJson))
                .get("/api/catalog", ex -> send(ex, 200, "application/json", catalogJson))
                .post("/api/consult", this::receive)
                .setFallbackHandler(ex -> send(ex, 404, "application/json", error("not found: " + ex.getRequestPath(), null)))
                .setInvalidMethodHandler(ex -> send(ex, 405, "application/json", error("method not allowed", null)));
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(2)
                .setWorkerThreads(limits.workerThreads())
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setHandler(routes)
                .build();
    }

    public AdvisorServer start() {
        undertow.start();
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        undertow.stop();
        service.close();
    }

    private void page(HttpServerExchange ex) {
        Lang lang = langOr400(ex);
        if (lang == null) return;
        send(ex, 200, "text/html; charset=utf-8", PageRenderer.page(lang, service.advisor().catalog()));
    }

    /**
     * Receives the body without holding a worker thread (the I/O thread collects it as it arrives), so
     * clients that send slowly cannot starve the others; a body not complete within the body timeout
     * closes the connection, and one over the size limit, with or without Content-Length, is answered
     * 413 as soon as it passes the limit. The complete body is then consulted on a worker.
     */
    private void receive(HttpServerExchange ex) {
        Lang lang = langOr400(ex);
        if (lang == null) return;
        String asked = query(ex, "format", "json");
        ReportFormat format = ReportFormat.named(asked);
        if (format == null) {
            send(ex, 400, "application/json", error("format: expected json, html, markdown or text, got '" + asked + "'", "format"));
            return;
        }
        long declared = ex.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            tooLarge(ex, "request body of " + declared + " bytes is over the limit of " + limits.maxBodyBytes());
            return;
        }
        XnioExecutor.Key deadline = ex.getIoThread().executeAfter(() -> {
            if (!ex.isResponseStarted()) {
                org.slf4j.LoggerFactory.getLogger(AdvisorServer.class).warn("request body not received within {} ms: closing the connection from {}",
                        limits.bodyTimeoutMillis(), ex.getSourceAddress());
                IoUtils.safeClose(ex.getConnection());
            }
        }, limits.bodyTimeoutMillis(), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ex.getRequestReceiver().receivePartialBytes((exchange, chunk, last) -> {
            if (body.size() + chunk.length > limits.maxBodyBytes()) {
                deadline.remove();
                tooLarge(exchange, "request body is over the limit of " + limits.maxBodyBytes() + " bytes");
                return;
            }
            body.writeBytes(chunk);
            if (last) {
                deadline.remove();
                exchange.dispatch(() -> consult(exchange, body.toByteArray(), lang, format));
            }
        }, (exchange, e) -> {
            deadline.remove();
            IoUtils.safeClose(exchange.getConnection());
        });
    }

    /** 413, then the connection is closed: the rest of the body is still on the wire and is not read. */
    private static void tooLarge(HttpServerExchange ex, String message) {
        ex.setPersistent(false);
        send(ex, 413, "application/json", error(message, null));
    }

    private void consult(HttpServerExchange ex, byte[] bytes, Lang lang, ReportFormat format) {
        try {
            ConsultService.Answer a = service.consult(ProposalText.decode(bytes), lang, format);
            send(ex, a.status(), a.contentType(), a.body());
        } catch (InputException e) {
            send(ex, 400, "application/json", error(e.localized(lang), e.field()));
        } catch (ConsultService.Unavailable e) {
            send(ex, 503, "application/json", error(e.getMessage(), null));
        } catch (RulesCompileException e) {
            // the server's rules failed on this proposal: not the client's fault, and one line for both
            org.slf4j.LoggerFactory.getLogger(AdvisorServer.class).warn("consultation stopped: {}", e.getMessage());
            send(ex, 500, "application/json", error(e.getMessage(), "rules"));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug: the client gets a line, the operator the stack trace
            org.slf4j.LoggerFactory.getLogger(AdvisorServer.class).error("consultation failed", e);
            send(ex, 500, "application/json", error("internal error: " + e.getClass().getSimpleName(), null));
        }
    }

    /** The language asked for, or {@code null} after answering 400 for one we do not speak. */
    private static Lang langOr400(HttpServerExchange ex) {
        String q = query(ex, "lang", null);
        try {
            return q == null ? Lang.EN : Lang.parse(q);
        } catch (IllegalArgumentException e) {
            send(ex, 400, "application/json", error(e.getMessage(), "lang"));
            return null;
        }
    }

    private static String query(HttpServerExchange ex, String name, String dflt) {
        Deque<String> v = ex.getQueryParameters().get(name);
        return v == null || v.isEmpty() ? dflt : v.getFirst();
    }

    private static void send(HttpServerExchange ex, int status, String type, String body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        ex.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    static String error(String message, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        if (field != null) m.put("field", field);
        return toJson(m);
    }

    /**
     * 200 with {@code status} ok or busy (every consultation thread at work, requests queued), 503 with
     * saturated when the queue is full and new consultations are being refused.
     */
    private void health(HttpServerExchange ex) {
        ConsultService.Load load = service.load();
        Map<String, Object> m = health();
        m.put("status", load.state());
        m.put("consultations", Map.of("running", load.running(), "threads", load.threads(), "queued", load.queued(), "queue", load.queueCapacity()));
        send(ex, "saturated".equals(load.state()) ? 503 : 200, "application/json", toJson(m));
    }

    private Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("rulesVersion", service.advisor().rules().rulesVersion());
        m.put("catalogAsOf", service.advisor().catalog().asOf());
        return m;
    }

    /** Every rule with its metadata and the languages it speaks (English is the DRL's own text). */
    private List<Map<String, Object>> rules() {
        RuleTranslations tr = RuleTranslations.load(service.advisor().rules().folder());
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleInfo r : service.advisor().rules().index().rules()) {
            Map<String, Object> m = r.summary();
            Map<String, String> translations = new LinkedHashMap<>();
            for (Lang l : Lang.values()) {
                String t = tr.template(l, r.id());
                if (t != null) translations.put(l.code(), t);
            }
            m.put("translations", translations);
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> catalog() {
        var c = service.advisor().catalog();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", c.asOf());
        m.put("gpus", c.gpus());
        m.put("instances", c.instances());
        m.put("models", c.models());
        m.put("volumes", c.volumes());
        return m;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

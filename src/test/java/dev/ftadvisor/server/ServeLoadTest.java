package dev.ftadvisor.server;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load on loopback: 200 consultations sent at once. The server must answer every one
 * correctly (its queue holds them; none is dropped or fails). Latencies are printed, not asserted:
 * timings belong to benchmarks, and this machine is shared.
 */
class ServeLoadTest {
    static final int REQUESTS = 200;

    @Test
    void twoHundredConcurrentConsultationsAllSucceed() throws Exception {
        AdvisorServer.Limits d = AdvisorServer.Limits.defaults();
        // the default limits, but a timeout long enough for 200 queued consultations on a small machine
        try (TestServer server = new TestServer(new AdvisorServer.Limits(d.workerThreads(), d.consultThreads(), d.queue(),
                300_000, d.maxBodyBytes()))) {
            server.post("/api/consult", body(0)); // warm-up: first session builds the rules' classes
            ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<Future<Long>> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                latencies.add(clients.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = server.post("/api/consult", body(n));
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200 || !r.body().contains("\"verdict\"")) {
                        errors.add(r.statusCode() + " " + r.body());
                    }
                    return t;
                }));
            }
            go.countDown();
            List<Long> ms = new ArrayList<>();
            for (Future<Long> f : latencies) ms.add(f.get() / 1_000_000);
            long wall = (System.nanoTime() - start) / 1_000_000;
            clients.shutdown();
            ms.sort(Long::compare);
            System.out.printf(Locale.ROOT, "serve load: %d concurrent consultations on loopback, %d errors, "
                            + "p50 %d ms, p99 %d ms, max %d ms, wall %d ms (%.1f/s), %d consult threads%n",
                    REQUESTS, errors.size(), ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1),
                    ms.get(ms.size() - 1), wall, REQUESTS * 1000.0 / wall, d.consultThreads());
            assertThat(errors).isEmpty();
        }
    }

    /** Varied proposals so the load is not one cached answer. */
    private static String body(int n) {
        String[] models = {"llama-3-8b", "mistral-7b", "llama-2-13b", "llama-3-70b"};
        String[] methods = {"lora", "qlora", "full", "lora"};
        return String.format(Locale.ROOT, "{\"id\":\"load-%d\",\"model\":\"%s\",\"method\":\"%s\",\"dataset\":{\"tokens\":\"%dM\"},"
                + "\"budgetUsd\":%d,\"deadlineHours\":%d}", n, models[n % 4], methods[(n / 4) % 4], 5 + n % 50, 50 + n * 10, 12 + n % 48);
    }
}

package dev.ftadvisor.cli;

import dev.ftadvisor.server.AdvisorServer;
import dev.ftadvisor.server.ConsultService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the JSON API and the web page, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve consultations over HTTP: a web page at /, and POST /api/consult, GET /api/rules,",
                "GET /api/catalog, GET /healthz. Binds 127.0.0.1 unless --host says otherwise."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--threads", description = "Consultations run at once (default: the number of cores, at least 2).")
    Integer threads;

    @Option(names = "--queue", defaultValue = "512", description = "Consultations waiting at most; more get 503 (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per-request time limit (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "65536", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Mixin EngineOptions engine;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new CommandLine.ParameterException(spec.commandLine(), "--port: expected 0-65535, got " + port);
        if (queue < 1 || maxBody < 1 || timeoutSeconds <= 0 || (threads != null && threads < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads, --queue, --timeout and --max-body must be positive");
        }
        AdvisorServer.Limits d = AdvisorServer.Limits.defaults();
        AdvisorServer.Limits limits = new AdvisorServer.Limits(d.workerThreads(), threads == null ? d.consultThreads() : threads,
                queue, Math.round(timeoutSeconds * 1000), maxBody);
        ConsultService service = new ConsultService(engine.advisor(), limits.consultThreads(), limits.queue(), limits.timeoutMillis());
        AdvisorServer server = new AdvisorServer(service, host, port, limits).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("ftadvisor serving on http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}

package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Reads a feed URL with {@link HttpClient}: a connect timeout, a timeout for the response to start, the
 * body streamed (the AWS offer file for EC2 is gigabytes). Any failure is one line naming the URL
 * (an {@link UncheckedIOException}: exit 2), before anything is written.
 */
public final class FeedFetcher {
    private final HttpClient client;
    private final Duration responseTimeout;

    public FeedFetcher(Duration connectTimeout, Duration responseTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.responseTimeout = responseTimeout;
    }

    public static FeedFetcher standard() {
        return new FeedFetcher(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public InputStream get(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(responseTimeout)
                    .header("User-Agent", "ftadvisor-catalog-update").GET().build();
        } catch (IllegalArgumentException e) {
            throw new InputException("", "--from " + url + ": not a valid URL (" + e.getMessage() + ")");
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new UncheckedIOException("cannot read " + url + ": HTTP " + response.statusCode()
                        + "; nothing changed", new IOException("HTTP " + response.statusCode()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url + ": " + why(e) + "; nothing changed", e);
        } catch (UnresolvedAddressException e) {
            throw new UncheckedIOException("cannot read " + url + ": host not found (no network?); nothing changed",
                    new IOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException("cannot read " + url + ": interrupted; nothing changed", new IOException(e));
        }
    }

    private static String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) return "connection timed out (no network?)";
        if (e instanceof HttpTimeoutException) return "no response in time";
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused or no route (no network?)";
        }
        if (e.getCause() instanceof UnresolvedAddressException) return "host not found (no network?)";
        String m = e.getMessage();
        return "network error (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
    }
}

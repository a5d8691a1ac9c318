package io.driftwatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's probe target on 127.0.0.1: {@code /fast} answers a fixed JSON document of about 5 KB at
 * once, {@code /slow} answers a small JSON document after exactly {@link #SLOW_DELAY} (slept on a virtual
 * thread). Counts requests and remembers when the first one arrived, so start-to-first-probe is measured
 * where the probe lands.
 */
final class LoopbackTarget implements AutoCloseable {
    static final Duration SLOW_DELAY = Duration.ofMillis(200);
    static final byte[] FAST_BODY = fastBody();
    private static final byte[] SLOW_BODY = "{\"ok\":true,\"delayMs\":200}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requests = new AtomicLong();
    /** {@link System#nanoTime()} of the first request since {@link #reset()}, 0 before it. */
    private final AtomicLong firstRequestNanos = new AtomicLong();

    LoopbackTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/fast", ex -> answer(ex, FAST_BODY));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(SLOW_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, SLOW_BODY);
        });
        server.start();
    }

    private void answer(HttpExchange ex, byte[] body) throws IOException {
        requests.incrementAndGet();
        firstRequestNanos.compareAndSet(0, System.nanoTime());
        try (ex) {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        requests.set(0);
        firstRequestNanos.set(0);
    }

    long requests() {
        return requests.get();
    }

    /** Nano time of the first request since {@link #reset()}, or 0. */
    long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    /** A JSON object of 46 invoice-like records, about 5 KB. */
    private static byte[] fastBody() {
        StringBuilder b = new StringBuilder("{\"QueryResponse\":{\"Invoice\":[");
        for (int i = 0; i < 46; i++) {
            if (i > 0) b.append(',');
            b.append("{\"Id\":\"")
                    .append(1000 + i)
                    .append("\",\"DocNumber\":\"INV-")
                    .append(1000 + i)
                    .append("\",\"TxnDate\":\"2026-11-21\",\"TotalAmt\":")
                    .append(100 + i)
                    .append(".25,\"Balance\":0,\"CustomerRef\":{\"value\":\"")
                    .append(i)
                    .append("\"}}");
        }
        b.append("],\"startPosition\":1,\"maxResults\":46}}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

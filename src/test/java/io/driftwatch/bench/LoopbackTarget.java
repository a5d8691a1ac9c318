package io.driftwatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's probe target on 127.0.0.1: {@code /fast} answers a fixed JSON document of about 5 KB at
 * once, {@code /slow} answers a small JSON document after {@link #SLOW_DELAY}. Counts requests, remembers
 * when the first one arrived (so start-to-first-probe is measured where the probe lands) and records every
 * {@code /slow} request as a {@link SlowHold}: which probe sent it (query parameter {@code p}), when the
 * handler got it and how long the target really held it, so a tool's measured latency can be compared with
 * what the target did instead of with the nominal 200 ms.
 */
final class LoopbackTarget implements AutoCloseable {
    static final Duration SLOW_DELAY = Duration.ofMillis(200);
    static final byte[] FAST_BODY = fastBody();
    private static final byte[] SLOW_BODY = "{\"ok\":true,\"delayMs\":200}".getBytes(StandardCharsets.UTF_8);

    /**
     * How {@code /slow} waits its 200 ms. {@link #PLATFORM_SLEEP} is the benchmark's default: it had the
     * smallest overshoot in {@link TargetPrecision} (docs/BENCHMARKS.md).
     */
    enum SlowMode {
        /** Every request on its own platform thread (a cached pool), {@code Thread.sleep} there. */
        PLATFORM_SLEEP,
        /** Every request on a virtual thread, {@code Thread.sleep} there (the benchmark's old target). */
        VIRTUAL_SLEEP,
        /** Handled on a virtual thread; the answer is written by one platform {@code ScheduledExecutor}. */
        SCHEDULED
    }

    /**
     * One {@code /slow} request as the target saw it.
     *
     * @param probeId the {@code p} query parameter, empty when absent
     * @param arrivalEpochMicros wall-clock time when the handler got the request
     * @param holdNanos from the handler getting the request to just before the response is written
     */
    record SlowHold(String probeId, long arrivalEpochMicros, long holdNanos) {}

    /** What the benchmark runs; chosen with {@link TargetPrecision}. */
    static final SlowMode DEFAULT_MODE = SlowMode.PLATFORM_SLEEP;

    private final SlowMode mode;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService answerer;
    private final AtomicLong requests = new AtomicLong();
    /** {@link System#nanoTime()} of the first request since {@link #reset()}, 0 before it. */
    private final AtomicLong firstRequestNanos = new AtomicLong();

    private final ConcurrentLinkedQueue<SlowHold> holds = new ConcurrentLinkedQueue<>();
    /** Wall clock and nano clock read together once, to turn arrival nano times into epoch microseconds. */
    private final long baseEpochMicros;

    private final long baseNanos;

    LoopbackTarget() throws IOException {
        this(DEFAULT_MODE);
    }

    LoopbackTarget(SlowMode mode) throws IOException {
        this.mode = mode;
        Instant now = Instant.now();
        baseNanos = System.nanoTime();
        baseEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        executor = mode == SlowMode.PLATFORM_SLEEP
                ? Executors.newCachedThreadPool(
                        Thread.ofPlatform().daemon().name("target-", 0).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
        answerer = mode == SlowMode.SCHEDULED
                ? Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("target-answerer").factory())
                : null;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/fast", ex -> {
            countRequest();
            answer(ex, FAST_BODY);
        });
        server.createContext("/slow", this::slow);
        server.start();
    }

    private void slow(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        countRequest();
        String probeId = probeId(ex.getRequestURI().getRawQuery());
        if (mode == SlowMode.SCHEDULED) {
            long delay = SLOW_DELAY.toNanos() - (System.nanoTime() - arrived);
            answerer.schedule(() -> answerSlow(ex, probeId, arrived), delay, TimeUnit.NANOSECONDS);
            return; // the exchange stays open until answerSlow closes it
        }
        try {
            Thread.sleep(SLOW_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answerSlow(ex, probeId, arrived);
    }

    private void answerSlow(HttpExchange ex, String probeId, long arrivedNanos) {
        long hold = System.nanoTime() - arrivedNanos;
        try {
            answer(ex, SLOW_BODY);
        } catch (IOException e) {
            return; // the client gave up; no response, no hold
        }
        holds.add(new SlowHold(probeId, baseEpochMicros + (arrivedNanos - baseNanos) / 1000, hold));
    }

    private void countRequest() {
        requests.incrementAndGet();
        firstRequestNanos.compareAndSet(0, System.nanoTime());
    }

    private static void answer(HttpExchange ex, byte[] body) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The value of {@code p} in a raw query string; probe ids need no decoding. Empty when absent. */
    static String probeId(String rawQuery) {
        if (rawQuery == null) return "";
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("p=")) return pair.substring(2);
        }
        return "";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the request count, the first request and the recorded holds. */
    void reset() {
        requests.set(0);
        firstRequestNanos.set(0);
        holds.clear();
    }

    long requests() {
        return requests.get();
    }

    /** Nano time of the first request since {@link #reset()}, or 0. */
    long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    /**
     * Milliseconds from {@code startNanos} to the first request since {@link #reset()}; NaN when none came
     * within {@code interval} + 10 s or the tool's process ended first.
     */
    double awaitFirstRequest(Process tool, long startNanos, Duration interval) throws InterruptedException {
        long deadline =
                System.nanoTime() + interval.toNanos() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && tool.isAlive()) {
            long first = firstRequestNanos.get();
            if (first != 0) return (first - startNanos) / 1e6;
            Thread.sleep(2);
        }
        return Double.NaN;
    }

    /** The {@code /slow} requests answered since {@link #reset()}. */
    List<SlowHold> holds() {
        return List.copyOf(holds);
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
        if (answerer != null) answerer.shutdownNow();
    }
}

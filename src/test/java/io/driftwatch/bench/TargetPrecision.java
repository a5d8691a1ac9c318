package io.driftwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench/run --target-precision [--duration 10s] [--rate 500]}: how precisely each {@link
 * LoopbackTarget.SlowMode} holds {@code /slow} for 200 ms, under the benchmark's request mix (10 % slow,
 * the rest {@code /fast}, from a kept-alive client in the same JVM). Prints the target's own hold minus
 * 200 ms (its overshoot) per mode; the mode with the smaller tail is the benchmark's target.
 */
final class TargetPrecision {
    private static final Duration WARMUP = Duration.ofSeconds(2);

    private TargetPrecision() {}

    static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = Duration.ofSeconds(10);
        int rate = 500;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--duration") && i + 1 < args.length) duration = LoadOptions.duration(args[++i]);
            if (args[i].equals("--rate") && i + 1 < args.length) rate = Integer.parseInt(args[++i]);
        }
        System.out.printf(
                Locale.ROOT,
                "%d requests/s (10 %% /slow) for %s per mode after %s, load %s%n%n",
                rate,
                duration,
                WARMUP,
                LoadOptions.loadAverage());
        System.out.println("| target mode | /slow requests | hold - 200 ms p50 / p99 / max (ms) | load avg |");
        System.out.println("|---|---|---|---|");
        for (LoopbackTarget.SlowMode mode : LoopbackTarget.SlowMode.values()) {
            System.out.println(measure(mode, rate, duration));
        }
    }

    private static String measure(LoopbackTarget.SlowMode mode, int rate, Duration duration)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Thread::startVirtualThread)
                .build();
        try (LoopbackTarget target = new LoopbackTarget(mode)) {
            fire(http, target, rate, WARMUP);
            target.reset();
            fire(http, target, rate, duration);
            List<Double> overshoot = new ArrayList<>();
            double delayMillis = LoopbackTarget.SLOW_DELAY.toNanos() / 1e6;
            for (LoopbackTarget.SlowHold h : target.holds()) overshoot.add(h.holdNanos() / 1e6 - delayMillis);
            Percentiles p = new Percentiles(AuditSamples.toArray(overshoot));
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f / %.3f / %.3f | %s |",
                    mode,
                    p.count(),
                    p.at(0.5),
                    p.at(0.99),
                    p.max(),
                    LoadOptions.loadAverage());
        }
    }

    /** Sends {@code rate} requests per second, evenly paced, every tenth to /slow; waits for the answers. */
    private static void fire(HttpClient http, LoopbackTarget target, int rate, Duration duration)
            throws InterruptedException {
        URI slow = URI.create(target.baseUrl() + "/slow?p=precision");
        URI fast = URI.create(target.baseUrl() + "/fast?p=precision");
        long start = System.nanoTime();
        long gap = TimeUnit.SECONDS.toNanos(1) / rate;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; ; i++) {
            long at = start + i * gap;
            if (at - start >= duration.toNanos()) break;
            long wait = at - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            HttpRequest request = HttpRequest.newBuilder(i % 10 == 0 ? slow : fast)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.out.println("  (some requests failed: " + e.getMessage() + ")");
        }
    }
}

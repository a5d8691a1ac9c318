package io.driftwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code --blackbox-driver lean}: a driver in the benchmark's JVM plays Prometheus for blackbox_exporter.
 * The same probe ids at the same fire times as driftwatch's, each fire one {@code
 * /probe?module=http_2xx&target=...} request over kept-alive connections; the latency is the exporter's own
 * {@code probe_duration_seconds}. Costs far less than a Prometheus server, so it shows the exporter alone.
 */
final class LeanDriver {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final LoadOptions options;
    private final LoopbackTarget target;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Thread::startVirtualThread)
            .build();

    private record Sample(
            String probeId, Instant start, boolean slow, boolean success, double durationSeconds, double lagMillis) {}

    LeanDriver(LoadOptions options, LoopbackTarget target) {
        this.options = options;
        this.target = target;
    }

    /** Drives the running exporter on {@code port} through warm-up and window; its row. */
    Measurement measure(int probes, Process exporter, int port, double readyMillis)
            throws IOException, InterruptedException {
        BenchProbes bench = new BenchProbes(probes, options.interval(), options.slowShare());
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        long windowStartNanos = System.nanoTime() + options.warmup().toNanos();
        long endNanos = windowStartNanos + options.duration().toNanos();
        Thread driver = Thread.ofPlatform()
                .name("blackbox-driver")
                .start(() -> drive(bench, port, endNanos, samples, inFlight));
        try {
            DaemonRun.sleep(options.warmup());
            Instant from = Instant.now();
            double cpu0 = ProcStats.cpuSeconds(exporter.pid());
            long t0 = System.nanoTime();
            DaemonRun.sleep(options.duration());
            double cpu1 = ProcStats.cpuSeconds(exporter.pid());
            double window = (System.nanoTime() - t0) / 1e9;
            Instant to = Instant.now();
            long peakRss = ProcStats.peakRssBytes(exporter.pid());
            String load = LoadOptions.loadAverage();
            driver.join(Duration.ofSeconds(5));
            long drainDeadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) Thread.sleep(20);

            TargetHolds holds = new TargetHolds(target.holds());
            long maxDistanceMicros = options.interval().toNanos() / 2000;
            int runs = 0;
            int failed = 0;
            int unmatched = 0;
            List<Double> lags = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<Double> vsHold = new ArrayList<>();
            for (Sample s : samples) {
                if (s.start().isBefore(from) || !s.start().isBefore(to)) continue;
                runs++;
                lags.add(s.lagMillis());
                if (!s.success()) {
                    failed++;
                } else if (s.slow()) {
                    double ms = s.durationSeconds() * 1000;
                    errors.add(ms - LoopbackTarget.SLOW_DELAY.toMillis());
                    long micros =
                            s.start().getEpochSecond() * 1_000_000 + s.start().getNano() / 1000;
                    var hold = holds.holdMillisNear(s.probeId(), micros, maxDistanceMicros);
                    if (hold.isPresent()) vsHold.add(ms - hold.getAsDouble());
                    else unmatched++;
                }
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            outcomes.put("ok", runs - failed);
            if (failed > 0) outcomes.put("failed", failed);
            return new Measurement(
                    "blackbox_exporter",
                    "fresh",
                    probes,
                    probes / (options.interval().toMillis() / 1000.0),
                    window,
                    runs,
                    outcomes,
                    new Percentiles(AuditSamples.toArray(lags)),
                    new Percentiles(AuditSamples.toArray(errors)),
                    new Percentiles(AuditSamples.toArray(vsHold)),
                    runs == 0 ? Double.NaN : (cpu1 - cpu0) / runs * 1000,
                    peakRss,
                    readyMillis,
                    Double.NaN,
                    load,
                    "lean driver; lag column: the benchmark driver's own lag (Prometheus' role), not the exporter's"
                            + (unmatched == 0 ? "" : "; " + unmatched + " slow runs without a target record"));
        } finally {
            driver.interrupt();
            driver.join(Duration.ofSeconds(5));
        }
    }

    /** Fires every probe at its fire time until {@code endNanos}; each fire on its own virtual thread. */
    private void drive(
            BenchProbes bench, int port, long endNanos, ConcurrentLinkedQueue<Sample> samples, AtomicInteger inFlight) {
        long intervalMillis = options.interval().toMillis();
        List<BenchProbes.Probe> byPhase = new ArrayList<>(bench.probes());
        byPhase.sort(Comparator.comparingLong(BenchProbes.Probe::phaseMillis));
        URI[] uris = new URI[byPhase.size()];
        for (int i = 0; i < uris.length; i++) {
            String probeTarget = BenchProbes.targetUrl(target.baseUrl(), byPhase.get(i));
            uris[i] = URI.create("http://127.0.0.1:" + port + "/probe?module=http_2xx&target="
                    + URLEncoder.encode(probeTarget, StandardCharsets.UTF_8));
        }
        long nowMillis = System.currentTimeMillis();
        long cycleStart = nowMillis - Math.floorMod(nowMillis, intervalMillis);
        while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
            for (int i = 0; i < uris.length && System.nanoTime() < endNanos; i++) {
                long fireAt = cycleStart + byPhase.get(i).phaseMillis();
                long wait = fireAt - System.currentTimeMillis();
                if (wait < -intervalMillis / 2) continue; // before the driver started
                if (wait > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
                if (Thread.currentThread().isInterrupted()) return;
                URI uri = uris[i];
                BenchProbes.Probe probe = byPhase.get(i);
                inFlight.incrementAndGet();
                Thread.startVirtualThread(() -> {
                    try {
                        probeOnce(uri, probe, fireAt, samples);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            cycleStart += intervalMillis;
        }
    }

    private void probeOnce(URI uri, BenchProbes.Probe probe, long fireAtMillis, ConcurrentLinkedQueue<Sample> samples) {
        Instant start = Instant.now();
        long micros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
        double lag = Math.max(0, micros / 1000.0 - fireAtMillis);
        boolean success = false;
        double duration = Double.NaN;
        try {
            String body = http.send(
                            HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (String line : body.split("\n")) {
                if (line.startsWith("probe_success ")) success = value(line) == 1;
                if (line.startsWith("probe_duration_seconds ")) duration = value(line);
            }
        } catch (IOException e) {
            success = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        samples.add(new Sample(probe.id(), start, probe.slow(), success, duration, lag));
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }
}

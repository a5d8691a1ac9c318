package io.driftwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Prometheus blackbox_exporter ({@code prometheus-blackbox-exporter}, Debian) probing the same target at
 * the same rate: the same probe ids at the same fire times as driftwatch's, each fire one {@code
 * /probe?module=http_2xx&target=...} request from a driver in this process over kept-alive connections
 * (as Prometheus scrapes it). The exporter always opens a fresh connection per probe. Its CPU and memory
 * come from /proc like driftwatch's; its latency from its own {@code probe_duration_seconds}.
 */
final class BlackboxRun {
    static final String BINARY = "prometheus-blackbox-exporter";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final LoadOptions options;
    private final LoopbackTarget target;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Thread::startVirtualThread)
            .build();

    private record Sample(Instant start, boolean slow, boolean success, double durationSeconds, double lagMillis) {}

    BlackboxRun(LoadOptions options, LoopbackTarget target) {
        this.options = options;
        this.target = target;
    }

    /** The exporter's path, or null when it is not installed. */
    static Path binary() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            Path p = Path.of(dir, BINARY);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    Measurement measure(int probes, Path binary, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path config = work.resolve("blackbox.yml");
        Files.writeString(config, """
                modules:
                  http_2xx:
                    prober: http
                    timeout: 5s
                    http:
                      preferred_ip_protocol: ip4
                      ip_protocol_fallback: false
                """);
        int port = DaemonRun.freePort();
        ProcessBuilder pb = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("blackbox.log").toFile());
        long startNanos = System.nanoTime();
        Process process = pb.start();
        try {
            double readyMillis = waitReady(process, port, startNanos);
            BenchProbes bench = new BenchProbes(probes, options.interval(), options.slowShare());
            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            AtomicInteger inFlight = new AtomicInteger();
            long windowStartNanos = System.nanoTime() + options.warmup().toNanos();
            long endNanos = windowStartNanos + options.duration().toNanos();
            Thread driver = Thread.ofPlatform()
                    .name("blackbox-driver")
                    .start(() -> drive(bench, port, endNanos, samples, inFlight));
            DaemonRun.sleep(options.warmup());
            Instant from = Instant.now();
            double cpu0 = ProcStats.cpuSeconds(process.pid());
            long t0 = System.nanoTime();
            DaemonRun.sleep(options.duration());
            double cpu1 = ProcStats.cpuSeconds(process.pid());
            double window = (System.nanoTime() - t0) / 1e9;
            Instant to = Instant.now();
            long peakRss = ProcStats.peakRssBytes(process.pid());
            String load = LoadOptions.loadAverage();
            driver.join(Duration.ofSeconds(5));
            long drainDeadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) Thread.sleep(20);

            int runs = 0;
            int failed = 0;
            List<Double> lags = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Sample s : samples) {
                if (s.start().isBefore(from) || !s.start().isBefore(to)) continue;
                runs++;
                lags.add(s.lagMillis());
                if (!s.success()) failed++;
                else if (s.slow()) errors.add(s.durationSeconds() * 1000 - LoopbackTarget.SLOW_DELAY.toMillis());
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
                    runs == 0 ? Double.NaN : (cpu1 - cpu0) / runs * 1000,
                    peakRss,
                    readyMillis,
                    Double.NaN,
                    load,
                    "lag column: the benchmark driver's own lag (Prometheus' role), not the exporter's");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
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
            String probeTarget = target.baseUrl() + (byPhase.get(i).slow() ? "/slow" : "/fast");
            uris[i] = URI.create("http://127.0.0.1:" + port + "/probe?module=http_2xx&target="
                    + URLEncoder.encode(probeTarget, StandardCharsets.UTF_8));
        }
        long nowMillis = System.currentTimeMillis();
        long cycleStart = nowMillis - Math.floorMod(nowMillis, intervalMillis);
        while (System.nanoTime() < endNanos) {
            for (int i = 0; i < uris.length && System.nanoTime() < endNanos; i++) {
                long fireAt = cycleStart + byPhase.get(i).phaseMillis();
                long wait = fireAt - System.currentTimeMillis();
                if (wait < -intervalMillis / 2) continue; // before the driver started
                if (wait > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
                URI uri = uris[i];
                boolean slow = byPhase.get(i).slow();
                inFlight.incrementAndGet();
                Thread.startVirtualThread(() -> {
                    try {
                        probeOnce(uri, slow, fireAt, samples);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
            cycleStart += intervalMillis;
        }
    }

    private void probeOnce(URI uri, boolean slow, long fireAtMillis, ConcurrentLinkedQueue<Sample> samples) {
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
        samples.add(new Sample(start, slow, success, duration, lag));
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }

    private double waitReady(Process process, int port, long startNanos) throws IOException, InterruptedException {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/healthy"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException(BINARY + " exited with " + process.exitValue());
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException(BINARY + " was not ready within " + READY_TIMEOUT);
    }
}

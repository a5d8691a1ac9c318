package io.driftwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One measured run of {@code driftwatch run} as its own process: generates the probes, starts the daemon,
 * waits for readiness and the first probe, lets it warm up, measures CPU and runs over the window, then
 * stops it and reads the audit trail. Every wait is bounded.
 */
final class DaemonRun {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    private final LoadOptions options;
    private final LoopbackTarget target;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    DaemonRun(LoadOptions options, LoopbackTarget target) {
        this.options = options;
        this.target = target;
    }

    Measurement measure(int probes, boolean reuseConnections, Path work) throws IOException, InterruptedException {
        BenchProbes bench = new BenchProbes(probes, options.interval(), options.slowShare());
        Path probesDir = work.resolve("probes");
        bench.write(probesDir, target.baseUrl(), reuseConnections);
        Files.createDirectories(work.resolve("alerting"));
        Files.createDirectories(work.resolve("baselines"));
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options.javaOpts().trim().split("\\s+")));
        command.addAll(options.daemonLaunch());
        command.add("run");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("daemon.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("DRIFTWATCH_PROBES", probesDir.toString());
        env.put("DRIFTWATCH_BASELINES", work.resolve("baselines").toString());
        env.put("DRIFTWATCH_ALERTING", work.resolve("alerting").toString());
        env.put("DRIFTWATCH_DATA", work.resolve("data").toString());
        env.put("DRIFTWATCH_HOST", "127.0.0.1");
        env.put("DRIFTWATCH_PORT", Integer.toString(port));
        env.remove("DRIFTWATCH_STORE");

        target.reset();
        long startNanos = System.nanoTime();
        Process process = pb.start();
        long pid = process.pid();
        try {
            double readyMillis = waitReady(process, port, startNanos);
            double firstProbeMillis = target.awaitFirstRequest(process, startNanos, options.interval());
            sleep(options.warmup());
            Instant from = Instant.now();
            double cpu0 = ProcStats.cpuSeconds(pid);
            long t0 = System.nanoTime();
            sleep(options.duration());
            double cpu1 = ProcStats.cpuSeconds(pid);
            double window = (System.nanoTime() - t0) / 1e9;
            Instant to = Instant.now();
            long peakRss = ProcStats.peakRssBytes(pid);
            String load = LoadOptions.loadAverage();
            String metricsNote = metricsNote(port);
            stop(process);
            AuditSamples samples = AuditSamples.read(
                    work.resolve("data/audit/audit.jsonl"),
                    from,
                    to,
                    options.interval(),
                    new TargetHolds(target.holds()));
            double cpuPer1000 = samples.runs() == 0 ? Double.NaN : (cpu1 - cpu0) / samples.runs() * 1000;
            return new Measurement(
                    "driftwatch",
                    reuseConnections ? "reused" : "fresh",
                    probes,
                    probes / (options.interval().toMillis() / 1000.0),
                    window,
                    samples.runs(),
                    samples.outcomes(),
                    new Percentiles(samples.lagMillis()),
                    new Percentiles(samples.slowLatencyErrorMillis()),
                    new Percentiles(samples.slowErrorVsHoldMillis()),
                    cpuPer1000,
                    peakRss,
                    readyMillis,
                    firstProbeMillis,
                    load,
                    metricsNote
                            + (samples.unmatchedSlowRuns() == 0
                                    ? ""
                                    : samples.unmatchedSlowRuns() + " slow runs without a target record; "));
        } finally {
            if (process.isAlive()) stop(process);
        }
    }

    private double waitReady(Process process, int port, long startNanos) throws IOException, InterruptedException {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("driftwatch exited with " + process.exitValue());
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("driftwatch was not ready within " + READY_TIMEOUT);
    }

    /** Skipped runs and the daemon's own lag maximum from /metrics, as a cross-check of the audit samples. */
    private String metricsNote(int port) {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            StringBuilder note = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.startsWith("driftwatch_probe_runs_skipped_total") && !line.endsWith(" 0.0")) {
                    note.append(line).append("; ");
                }
                if (line.startsWith("driftwatch_schedule_lag_seconds_max")) {
                    note.append(line).append("; ");
                }
            }
            return note.toString();
        } catch (IOException e) {
            return "metrics unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the daemon flushes and closes
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

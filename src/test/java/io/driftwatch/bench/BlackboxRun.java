package io.driftwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus blackbox_exporter ({@code prometheus-blackbox-exporter}, Debian) probing the same target at
 * the same rate as driftwatch, with the same probe ids. Who asks it to probe is the {@code --blackbox-driver}:
 * a real Prometheus server scraping one target per probe ({@link PrometheusRun}) or a lean driver in this
 * JVM firing the probes at driftwatch's fire times ({@link LeanDriver}). The exporter always opens a fresh
 * connection per probe. Its CPU and memory come from /proc like driftwatch's.
 */
final class BlackboxRun {
    static final String BINARY = "prometheus-blackbox-exporter";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final LoadOptions options;
    private final LoopbackTarget target;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    BlackboxRun(LoadOptions options, LoopbackTarget target) {
        this.options = options;
        this.target = target;
    }

    /** The exporter's path, or null when it is not installed. */
    static Path binary() {
        return Executables.find(BINARY);
    }

    /**
     * Measures the exporter driven by {@code prometheus} (its binary) or, when that is null, by the lean
     * driver. Returns the exporter's row, and with Prometheus also the row of both processes together.
     */
    List<Measurement> measure(int probes, Path binary, Path prometheus, Path work)
            throws IOException, InterruptedException {
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
        target.reset();
        long startNanos = System.nanoTime();
        Process process = pb.start();
        try {
            double readyMillis = waitReady(process, port, startNanos);
            if (prometheus == null) {
                return List.of(new LeanDriver(options, target).measure(probes, process, port, readyMillis));
            }
            return new PrometheusRun(options, target).measure(probes, process, port, readyMillis, prometheus, work);
        } finally {
            stop(process);
        }
    }

    /** SIGTERM, then SIGKILL after 10 s; bounded either way. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
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

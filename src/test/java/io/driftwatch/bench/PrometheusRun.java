package io.driftwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --blackbox-driver prometheus}: a real Prometheus server scrapes blackbox_exporter as deployments
 * do, one static target per probe ({@code <target>/fast?p=<id>} or {@code /slow?p=<id>}, the same ids as
 * driftwatch's) with the standard relabelling, every {@code --interval}. Prometheus picks each target's
 * scrape offset itself, so fire times differ from driftwatch's; the rate is the same. Runs, outcomes and
 * latencies are read back from Prometheus' HTTP API (range vectors over the window, timestamps = scrape
 * times); CPU and peak RSS of the exporter and of Prometheus come from /proc.
 */
final class PrometheusRun {
    static final String BINARY = "prometheus";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String JOB = "blackbox";

    private final LoadOptions options;
    private final LoopbackTarget target;

    PrometheusRun(LoadOptions options, LoopbackTarget target) {
        this.options = options;
        this.target = target;
    }

    /** Prometheus' path, or null when it is not installed. */
    static Path binary() {
        return Executables.find(BINARY);
    }

    /** The exporter's row and the row of exporter and Prometheus together. */
    List<Measurement> measure(
            int probes, Process exporter, int exporterPort, double exporterReadyMillis, Path binary, Path work)
            throws IOException, InterruptedException {
        BenchProbes bench = new BenchProbes(probes, options.interval(), options.slowShare());
        Duration scrapeTimeout = scrapeTimeout();
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, config(bench, exporterPort, scrapeTimeout));
        int port = DaemonRun.freePort();
        ProcessBuilder pb = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + work.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + port,
                        // Links it renders point to loopback too; no host name lookup for them.
                        "--web.external-url=http://127.0.0.1:" + port + "/",
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile());
        PrometheusApi api = new PrometheusApi(port);
        long startNanos = System.nanoTime();
        Process process = pb.start();
        try {
            double readyMillis = waitReady(process, api, startNanos);
            // As for driftwatch, the warm-up starts at the first probe (Prometheus applies its targets
            // up to 5 s after it is ready).
            double firstProbeMillis = target.awaitFirstRequest(process, startNanos, options.interval());
            DaemonRun.sleep(options.warmup());
            Instant from = Instant.now();
            double exporterCpu0 = ProcStats.cpuSeconds(exporter.pid());
            double cpu0 = ProcStats.cpuSeconds(process.pid());
            long t0 = System.nanoTime();
            DaemonRun.sleep(options.duration());
            double exporterCpu1 = ProcStats.cpuSeconds(exporter.pid());
            double cpu1 = ProcStats.cpuSeconds(process.pid());
            double window = (System.nanoTime() - t0) / 1e9;
            Instant to = Instant.now();
            long exporterRss = ProcStats.peakRssBytes(exporter.pid());
            long rss = ProcStats.peakRssBytes(process.pid());
            String load = LoadOptions.loadAverage();
            // A scrape that started before the window's end is stored when it ends: at most a timeout later.
            DaemonRun.sleep(scrapeTimeout.plusSeconds(1));
            Scrapes s = scrapes(api, from, to);
            String intervals = intervalLengths(api.metricsText());
            String version = api.version();

            double exporterCpuPer1000 = s.runs == 0 ? Double.NaN : (exporterCpu1 - exporterCpu0) / s.runs * 1000;
            double promCpuPer1000 = s.runs == 0 ? Double.NaN : (cpu1 - cpu0) / s.runs * 1000;
            String unmatched = s.unmatched == 0 ? "" : "; " + s.unmatched + " slow scrapes without a target record";
            double rate = probes / (options.interval().toMillis() / 1000.0);
            Measurement alone = new Measurement(
                    "blackbox_exporter",
                    "fresh",
                    probes,
                    rate,
                    window,
                    s.runs,
                    s.outcomes,
                    new Percentiles(new double[0]),
                    new Percentiles(AuditSamples.toArray(s.errors)),
                    new Percentiles(AuditSamples.toArray(s.vsHold)),
                    exporterCpuPer1000,
                    exporterRss,
                    exporterReadyMillis,
                    Double.NaN,
                    load,
                    "driven by Prometheus " + version + "; lag n/a: Prometheus records no lag behind its own"
                            + " schedule; " + intervals + unmatched);
            Measurement together = alone.withDriver(
                    Measurement.COMBINED,
                    promCpuPer1000,
                    rss,
                    readyMillis,
                    firstProbeMillis,
                    String.format(
                            Locale.ROOT,
                            "Prometheus alone %.3f CPU s per 1,000 runs, %.0f MB peak RSS; RSS column = the two"
                                    + " processes' peaks added; start to ready / first probe from Prometheus' start",
                            promCpuPer1000,
                            rss / 1048576.0));
            return List.of(alone, together);
        } finally {
            BlackboxRun.stop(process);
        }
    }

    /** As long as the exporter's module timeout (5 s), shorter when the interval is. */
    private Duration scrapeTimeout() {
        Duration five = Duration.ofSeconds(5);
        return options.interval().compareTo(five) < 0 ? options.interval() : five;
    }

    private String config(BenchProbes bench, int exporterPort, Duration scrapeTimeout) {
        StringBuilder b = new StringBuilder();
        b.append("global:\n")
                .append("  scrape_interval: ")
                .append(options.interval().toMillis())
                .append("ms\n")
                .append("  scrape_timeout: ")
                .append(scrapeTimeout.toMillis())
                .append("ms\n")
                .append("  evaluation_interval: ")
                .append(options.interval().toMillis())
                .append("ms\n")
                .append("scrape_configs:\n")
                .append("  - job_name: ")
                .append(JOB)
                .append('\n')
                .append("    metrics_path: /probe\n")
                .append("    params:\n")
                .append("      module: [http_2xx]\n")
                .append("    static_configs:\n")
                .append("      - targets:\n");
        for (BenchProbes.Probe p : bench.probes()) {
            b.append("          - '")
                    .append(BenchProbes.targetUrl(target.baseUrl(), p))
                    .append("'\n");
        }
        b.append("    relabel_configs:\n")
                .append("      - source_labels: [__address__]\n")
                .append("        target_label: __param_target\n")
                .append("      - source_labels: [__param_target]\n")
                .append("        target_label: instance\n")
                .append("      - target_label: __address__\n")
                .append("        replacement: 127.0.0.1:")
                .append(exporterPort)
                .append('\n');
        return b.toString();
    }

    /** What Prometheus stored for the scrapes whose timestamps fall in the window. */
    private static final class Scrapes {
        int runs;
        int unmatched;
        final Map<String, Integer> outcomes = new TreeMap<>();
        final List<Double> errors = new ArrayList<>();
        final List<Double> vsHold = new ArrayList<>();
    }

    private Scrapes scrapes(PrometheusApi api, Instant from, Instant to) throws IOException, InterruptedException {
        String range = "{job=\"" + JOB + "\"}[" + Duration.between(from, to).toMillis() + "ms]";
        Scrapes s = new Scrapes();
        // Every scrape writes up (0 when the exporter did not answer in time); probe_* only when it answered.
        for (PrometheusApi.Series up : api.matrix("up" + range, to)) {
            for (double v : up.values()) {
                s.runs++;
                if (v != 1) s.outcomes.merge("scrape-failed", 1, Integer::sum);
            }
        }
        Map<String, Map<Long, Double>> success = new HashMap<>();
        for (PrometheusApi.Series ps : api.matrix("probe_success" + range, to)) {
            Map<Long, Double> byTime = success.computeIfAbsent(ps.labels().get("instance"), k -> new HashMap<>());
            for (int i = 0; i < ps.values().length; i++) {
                byTime.put(ps.timestampsMillis()[i], ps.values()[i]);
                s.outcomes.merge(ps.values()[i] == 1 ? "ok" : "failed", 1, Integer::sum);
            }
        }
        TargetHolds holds = new TargetHolds(target.holds());
        long maxDistanceMicros = options.interval().toNanos() / 2000;
        double delayMillis = LoopbackTarget.SLOW_DELAY.toNanos() / 1e6;
        for (PrometheusApi.Series d : api.matrix("probe_duration_seconds" + range, to)) {
            String instance = d.labels().get("instance");
            String probeId = LoopbackTarget.probeId(URI.create(instance).getRawQuery());
            if (!BenchProbes.isSlow(probeId)) continue;
            Map<Long, Double> ok = success.getOrDefault(instance, Map.of());
            for (int i = 0; i < d.values().length; i++) {
                long ts = d.timestampsMillis()[i];
                if (ok.getOrDefault(ts, 0.0) != 1) continue;
                double ms = d.values()[i] * 1000;
                s.errors.add(ms - delayMillis);
                var hold = holds.holdMillisNear(probeId, ts * 1000, maxDistanceMicros);
                if (hold.isPresent()) s.vsHold.add(ms - hold.getAsDouble());
                else s.unmatched++;
            }
        }
        return s;
    }

    /**
     * Prometheus' own {@code prometheus_target_interval_length_seconds} quantiles (time between two scrapes
     * of a target, a summary over its whole life), the closest it has to a schedule lag.
     */
    static String intervalLengths(String metricsText) {
        StringBuilder b = new StringBuilder("prometheus_target_interval_length_seconds since start:");
        boolean any = false;
        for (String line : metricsText.split("\n")) {
            if (!line.startsWith("prometheus_target_interval_length_seconds{")) continue;
            int q = line.indexOf("quantile=\"");
            if (q < 0) continue;
            String quantile = line.substring(q + 10, line.indexOf('"', q + 10));
            String value = line.substring(line.lastIndexOf(' ') + 1);
            b.append(" q").append(quantile).append(' ').append(value).append(" s,");
            any = true;
        }
        return any ? b.substring(0, b.length() - 1) : "prometheus_target_interval_length_seconds n/a";
    }

    private double waitReady(Process process, PrometheusApi api, long startNanos)
            throws IOException, InterruptedException {
        long deadline = startNanos + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException(BINARY + " exited with " + process.exitValue());
            if (api.status("/-/ready") == 200) return (System.nanoTime() - startNanos) / 1e6;
            Thread.sleep(20);
        }
        throw new IOException(BINARY + " was not ready within " + READY_TIMEOUT);
    }
}

package io.driftwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale benchmark behind {@code bench/run}: for each scenario (probe count) and connection mode,
 * driftwatch's daemon as its own process against a loopback target, then Prometheus blackbox_exporter
 * against the same target at the same rate; prints a Markdown report and writes it to {@code --out}.
 * Results and method: docs/BENCHMARKS.md.
 */
public final class LoadBench {

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        if (List.of(args).contains("--target-precision")) {
            TargetPrecision.main(args);
            return;
        }
        Path root = Path.of(System.getProperty("driftwatch.repo.root", ".")).toAbsolutePath();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = report(options, run(options, System.out));
        System.out.println(report);
        Files.createDirectories(options.out());
        Path file = options.out().resolve("report-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, report);
        System.out.println("report written to " + file);
    }

    /** Runs every scenario and mode, printing progress and each result row to {@code log}. */
    static List<Measurement> run(LoadOptions options, java.io.PrintStream log)
            throws IOException, InterruptedException {
        List<Measurement> results = new ArrayList<>();
        Path blackbox = "off".equals(options.blackbox()) ? null : BlackboxRun.binary();
        if (blackbox == null && !"off".equals(options.blackbox())) {
            String msg = BlackboxRun.BINARY + " is not installed (apt-get install prometheus-blackbox-exporter);"
                    + " the blackbox_exporter comparison is skipped";
            if ("require".equals(options.blackbox())) throw new IOException(msg);
            log.println(msg);
        }
        Path prometheus = blackbox == null ? null : prometheusDriver(options, log);
        Path work = Files.createTempDirectory("driftwatch-bench-");
        try (LoopbackTarget target = new LoopbackTarget()) {
            log.printf(
                    Locale.ROOT,
                    "target %s (fast body %d bytes, slow delay %d ms); work dir %s (%s)%n",
                    target.baseUrl(),
                    LoopbackTarget.FAST_BODY.length,
                    LoopbackTarget.SLOW_DELAY.toMillis(),
                    work,
                    WorkDirs.keep() ? "kept: " + WorkDirs.KEEP_ENV + "=1" : "deleted at the end");
            for (int probes : options.scenarios()) {
                for (String mode : options.modes()) {
                    log.printf(
                            Locale.ROOT,
                            "driftwatch: %,d probes every %s, %s connections, load %s ...%n",
                            probes,
                            options.interval(),
                            mode,
                            LoadOptions.loadAverage());
                    Measurement m = new DaemonRun(options, target)
                            .measure(probes, "reused".equals(mode), work.resolve(probes + "-" + mode));
                    log.println(m.row());
                    results.add(m);
                }
                if (blackbox != null) {
                    log.printf(
                            Locale.ROOT,
                            "blackbox_exporter (driven by %s): %,d probes every %s, load %s ...%n",
                            prometheus == null ? "the lean driver" : "Prometheus",
                            probes,
                            options.interval(),
                            LoadOptions.loadAverage());
                    for (Measurement m : new BlackboxRun(options, target)
                            .measure(probes, blackbox, prometheus, work.resolve(probes + "-blackbox"))) {
                        log.println(m.row());
                        results.add(m);
                    }
                }
            }
        } finally {
            if (!WorkDirs.keep()) WorkDirs.delete(work);
        }
        log.println();
        return results;
    }

    /** Prometheus' binary when it drives blackbox_exporter, null for the lean driver. */
    private static Path prometheusDriver(LoadOptions options, java.io.PrintStream log) throws IOException {
        if ("lean".equals(options.blackboxDriver())) return null;
        Path prometheus = PrometheusRun.binary();
        if (prometheus != null) return prometheus;
        String msg = PrometheusRun.BINARY + " is not installed (apt-get install prometheus)";
        if ("prometheus".equals(options.blackboxDriver())) throw new IOException(msg);
        log.println("note: " + msg + "; blackbox_exporter is driven by the lean driver instead");
        return null;
    }

    static String report(LoadOptions options, List<Measurement> results) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Interval %s, warm-up %s, window %s, %.0f%% of probes on /slow (%d ms, target %s), JVM options"
                        + " `%s`%n%n",
                options.interval(),
                options.warmup(),
                options.duration(),
                options.slowShare() * 100,
                LoopbackTarget.SLOW_DELAY.toMillis(),
                LoopbackTarget.DEFAULT_MODE,
                options.javaOpts()));
        b.append(Measurement.header()).append('\n');
        for (Measurement m : results) b.append(m.row()).append('\n');
        b.append('\n');
        for (Measurement m : results) {
            if (!m.tool().equals("driftwatch")) continue;
            Measurement bb = find(results, "blackbox_exporter", m.probes());
            if (bb == null) continue;
            Measurement both = find(results, Measurement.COMBINED, m.probes());
            b.append(String.format(
                    Locale.ROOT,
                    "- %,d probes, driftwatch %s / blackbox_exporter: CPU per run %.2f%s, peak RSS %.2f%s,"
                            + " latency error vs 200 ms p50 %.2f, p99 %.2f, vs target hold p50 %.2f, p99 %.2f%n",
                    m.probes(),
                    m.mode(),
                    m.cpuSecondsPer1000Runs() / bb.cpuSecondsPer1000Runs(),
                    both == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (vs exporter + Prometheus %.2f)",
                                    m.cpuSecondsPer1000Runs() / both.cpuSecondsPer1000Runs()),
                    (double) m.peakRssBytes() / bb.peakRssBytes(),
                    both == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (vs exporter + Prometheus %.2f)",
                                    (double) m.peakRssBytes() / both.peakRssBytes()),
                    m.latencyError().at(0.5) / bb.latencyError().at(0.5),
                    m.latencyError().at(0.99) / bb.latencyError().at(0.99),
                    m.latencyErrorVsHold().at(0.5) / bb.latencyErrorVsHold().at(0.5),
                    m.latencyErrorVsHold().at(0.99) / bb.latencyErrorVsHold().at(0.99)));
        }
        for (Measurement m : results) {
            if (!m.notes().isBlank())
                b.append("- ")
                        .append(m.tool())
                        .append(' ')
                        .append(m.mode())
                        .append(' ')
                        .append(m.probes())
                        .append(": ")
                        .append(m.notes())
                        .append('\n');
        }
        if (results.stream().noneMatch(m -> m.tool().equals("blackbox_exporter"))) {
            b.append("- blackbox_exporter: not measured (")
                    .append("off".equals(options.blackbox()) ? "--blackbox off" : BlackboxRun.BINARY + " not installed")
                    .append(")\n");
        }
        return b.toString();
    }

    private static Measurement find(List<Measurement> results, String tool, int probes) {
        return results.stream()
                .filter(x -> x.tool().equals(tool) && x.probes() == probes)
                .findFirst()
                .orElse(null);
    }
}

package io.driftwatch.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every probe's own series, kept as a few primitive fields per probe and turned into Prometheus
 * snapshots only when scraped.
 *
 * <p>Why not one Micrometer meter per series: with 10,000 probes the six meters of each probe (a timer
 * with 15 buckets, three counters, two gauges, plus the info gauge) held 46 MB of heap, 4.6 KB per
 * probe, and registering them took a quarter of start-up (docs/BENCHMARKS.md). Here a probe costs
 * about 300 bytes and a map insert. The exposition is the same names, help texts, labels and types,
 * without Micrometer's decaying {@code _max} gauge of the timer, which no dashboard reads.
 *
 * <p>Thread-safe: runs record from many threads, scrapes read each probe under its own lock, so a
 * histogram's buckets, count and sum always agree.
 */
final class ProbeSeries implements MultiCollector {

    private static final MetricMetadata SUCCESS = new MetricMetadata(
            "driftwatch_probe_success", "1 when the probe's last run passed or was degraded, 0 when it failed");
    private static final MetricMetadata LAST_RUN = new MetricMetadata(
            "driftwatch_probe_last_run_timestamp_seconds", "Unix time of the probe's last completed run");
    private static final MetricMetadata DURATION = new MetricMetadata(
            "driftwatch_probe_duration_seconds",
            "Total time of the probe's HTTP call (last attempt), from request to last body byte");
    private static final MetricMetadata RUNS =
            new MetricMetadata("driftwatch_probe_runs", "Completed probe runs by outcome (pass, degraded, fail)");
    private static final MetricMetadata CERTIFICATE = new MetricMetadata(
            "driftwatch_certificate_expiry_seconds",
            "Seconds until the probe's server certificate expires (day resolution; HTTPS only)");
    private static final MetricMetadata INFO = new MetricMetadata(
            "driftwatch_probe_info", "Static probe facts for joins in queries: connection and vendor");
    private static final String[] OUTCOMES = {"degraded", "fail", "pass"};

    private final double[] upperBounds;
    private final long[] upperBoundNanos;
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    ProbeSeries(Duration[] buckets) {
        upperBounds = new double[buckets.length + 1];
        upperBoundNanos = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            upperBoundNanos[i] = buckets[i].toNanos();
            upperBounds[i] = buckets[i].toNanos() / 1e9;
        }
        upperBounds[buckets.length] = Double.POSITIVE_INFINITY;
    }

    /** One probe's values; every field guarded by the object's lock. */
    private static final class Probe {
        final Labels labels;
        final Labels[] outcomeLabels;
        final long[] bucketCounts; // per bucket, not cumulative; the last one is +Inf
        double sumSeconds;
        int success;
        long lastRunSeconds;
        final long[] runs = new long[OUTCOMES.length];
        Long certificateSeconds;
        Labels infoLabels;

        Probe(String id, int buckets) {
            labels = Labels.of("probe", id);
            outcomeLabels = new Labels[OUTCOMES.length];
            for (int i = 0; i < OUTCOMES.length; i++) outcomeLabels[i] = Labels.of("outcome", OUTCOMES[i], "probe", id);
            bucketCounts = new long[buckets];
        }
    }

    private Probe probe(String id) {
        return probes.computeIfAbsent(id, key -> new Probe(key, upperBounds.length));
    }

    void declare(String probeId, String connection, String vendor) {
        Probe p = probe(probeId);
        synchronized (p) {
            if (p.infoLabels == null) {
                p.infoLabels = Labels.of(
                        "connection",
                        connection == null ? "" : connection,
                        "probe",
                        probeId,
                        "vendor",
                        vendor == null ? "generic" : vendor);
            }
        }
    }

    void record(String probeId, String outcome, long totalNanos, boolean responded, long epochSeconds) {
        Probe p = probe(probeId);
        int outcomeIndex = Arrays.binarySearch(OUTCOMES, outcome);
        synchronized (p) {
            p.success = "pass".equals(outcome) || "degraded".equals(outcome) ? 1 : 0;
            p.runs[outcomeIndex < 0 ? 1 : outcomeIndex]++; // anything else counts as a failure
            if (responded) {
                int bucket = 0;
                while (bucket < upperBoundNanos.length && totalNanos > upperBoundNanos[bucket]) bucket++;
                p.bucketCounts[bucket]++;
                p.sumSeconds += totalNanos / 1e9;
            }
            p.lastRunSeconds = epochSeconds;
        }
    }

    void certificate(String probeId, int daysLeft) {
        Probe p = probe(probeId);
        synchronized (p) {
            p.certificateSeconds = daysLeft * 86_400L;
        }
    }

    void remove(String probeId) {
        probes.remove(probeId);
    }

    @Override
    public MetricSnapshots collect() {
        String[] ids = probes.keySet().toArray(String[]::new);
        Arrays.sort(ids);
        List<GaugeDataPointSnapshot> success = new ArrayList<>(ids.length);
        List<GaugeDataPointSnapshot> lastRun = new ArrayList<>(ids.length);
        List<GaugeDataPointSnapshot> certificate = new ArrayList<>();
        List<GaugeDataPointSnapshot> info = new ArrayList<>(ids.length);
        List<CounterDataPointSnapshot> runs = new ArrayList<>(ids.length * OUTCOMES.length);
        List<HistogramDataPointSnapshot> duration = new ArrayList<>(ids.length);
        for (String id : ids) {
            Probe p = probes.get(id);
            if (p == null) continue; // removed meanwhile
            synchronized (p) {
                success.add(new GaugeDataPointSnapshot(p.success, p.labels, null));
                lastRun.add(new GaugeDataPointSnapshot(p.lastRunSeconds, p.labels, null));
                if (p.certificateSeconds != null) {
                    certificate.add(new GaugeDataPointSnapshot(p.certificateSeconds, p.labels, null));
                }
                if (p.infoLabels != null) info.add(new GaugeDataPointSnapshot(1, p.infoLabels, null));
                for (int i = 0; i < OUTCOMES.length; i++) {
                    runs.add(new CounterDataPointSnapshot(p.runs[i], p.outcomeLabels[i], null, 0));
                }
                duration.add(new HistogramDataPointSnapshot(
                        // counts per bucket: the snapshot cumulates them for the exposition
                        ClassicHistogramBuckets.of(upperBounds, p.bucketCounts.clone()),
                        p.sumSeconds,
                        p.labels,
                        Exemplars.EMPTY,
                        0));
            }
        }
        List<MetricSnapshot> out = new ArrayList<>(6);
        if (!certificate.isEmpty()) out.add(new GaugeSnapshot(CERTIFICATE, certificate));
        if (!info.isEmpty()) out.add(new GaugeSnapshot(INFO, info));
        if (ids.length > 0) {
            out.add(new HistogramSnapshot(DURATION, duration));
            out.add(new GaugeSnapshot(LAST_RUN, lastRun));
            out.add(new CounterSnapshot(RUNS, runs));
            out.add(new GaugeSnapshot(SUCCESS, success));
        }
        return new MetricSnapshots(out);
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(
                SUCCESS.getPrometheusName(),
                LAST_RUN.getPrometheusName(),
                DURATION.getPrometheusName(),
                RUNS.getPrometheusName(),
                CERTIFICATE.getPrometheusName(),
                INFO.getPrometheusName());
    }
}

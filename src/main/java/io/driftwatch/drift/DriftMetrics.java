package io.driftwatch.drift;

import io.driftwatch.baseline.Baseline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The drift gauges, per probe:
 *
 * <ul>
 *   <li>{@code driftwatch_drift_findings{probe,kind,severity}}: open drift changes of the probe's latest
 *       run, from the {@link DriftTracker} (a series seen once stays, at 0, until the probe is removed);
 *   <li>{@code driftwatch_baseline_age_seconds{probe}}: now (the injected clock) minus the baseline's
 *       {@code recordedAt};
 *   <li>{@code driftwatch_baseline_latency_p95_seconds{probe}}: the baseline's recorded p95.
 * </ul>
 *
 * Labels are probe ids from configuration and the fixed drift kind and severity labels. {@link
 * #forget} removes every series of a probe. Thread-safe.
 */
public final class DriftMetrics {
    private final MeterRegistry registry;
    private final DriftTracker tracker;
    private final Clock clock;
    private final Map<String, ProbeSeries> probes = new ConcurrentHashMap<>();

    private static final class ProbeSeries {
        final Map<String, AtomicInteger> findings = new HashMap<>();
        final Map<String, Meter> findingMeters = new HashMap<>();
        final AtomicReference<Baseline> baseline = new AtomicReference<>();
        Meter age;
        Meter p95;
    }

    public DriftMetrics(MeterRegistry registry, DriftTracker tracker, Clock clock) {
        this.registry = registry;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * Brings the probe's series up to date: drift counts from the tracker, baseline age and p95 from
     * {@code baseline} (null: the probe has no recorded baseline, so those two series are removed).
     */
    public void update(String probeId, Baseline baseline) {
        ProbeSeries series = probes.computeIfAbsent(probeId, id -> new ProbeSeries());
        synchronized (series) {
            for (DriftCount c : tracker.counts(probeId)) {
                String key = c.kind() + "\u0000" + c.severity();
                AtomicInteger value = series.findings.get(key);
                if (value == null) {
                    value = new AtomicInteger();
                    series.findings.put(key, value);
                    series.findingMeters.put(
                            key,
                            Gauge.builder("driftwatch.drift.findings", value, AtomicInteger::get)
                                    .description("Open drift changes of the probe's latest run, by drift kind and"
                                            + " severity (latency-drift: 1 while the latency window drifts)")
                                    .tags(Tags.of("probe", probeId, "kind", c.kind(), "severity", c.severity()))
                                    .register(registry));
                }
                value.set(c.count());
            }
            series.baseline.set(baseline);
            if (baseline != null && series.age == null) {
                series.age = Gauge.builder("driftwatch.baseline.age.seconds", series, this::ageSeconds)
                        .description("Seconds since the probe's baseline was recorded (recordedAt)")
                        .tags("probe", probeId)
                        .register(registry);
            }
            if (baseline != null && baseline.latency() != null && series.p95 == null) {
                series.p95 = Gauge.builder("driftwatch.baseline.latency.p95.seconds", series, DriftMetrics::p95Seconds)
                        .description("The p95 total latency recorded in the probe's baseline")
                        .tags("probe", probeId)
                        .register(registry);
            }
            if (baseline == null && series.age != null) {
                registry.remove(series.age);
                series.age = null;
            }
            if ((baseline == null || baseline.latency() == null) && series.p95 != null) {
                registry.remove(series.p95);
                series.p95 = null;
            }
        }
    }

    /** Removes every series of a probe (deleted from the configuration). */
    public void forget(String probeId) {
        ProbeSeries series = probes.remove(probeId);
        if (series == null) return;
        synchronized (series) {
            series.findingMeters.values().forEach(registry::remove);
            if (series.age != null) registry.remove(series.age);
            if (series.p95 != null) registry.remove(series.p95);
        }
    }

    private double ageSeconds(ProbeSeries series) {
        Baseline b = series.baseline.get();
        if (b == null) return Double.NaN;
        return Duration.between(b.recordedAt(), clock.instant()).toMillis() / 1000.0;
    }

    private static double p95Seconds(ProbeSeries series) {
        Baseline b = series.baseline.get();
        if (b == null || b.latency() == null) return Double.NaN;
        return b.latency().p95().movePointLeft(3).doubleValue();
    }
}

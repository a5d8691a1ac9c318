package io.driftwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Prometheus registry and every probe-level metric name. Label values are ids from configuration and
 * fixed enums (outcome, kind), never URLs or payload values, so cardinality is bounded by the probe count.
 * Per-probe series live in {@link ProbeSeries} (a few fields per probe, not Micrometer meters); recording
 * a run is one map lookup and a few field updates under the probe's lock.
 */
public final class DriftwatchMetrics {
    /** Latency buckets for API calls: fine below 300 ms where vendor SLOs live, coarse above. */
    static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofMillis(300),
        Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private final PrometheusMeterRegistry registry;
    private final ProbeSeries probes = new ProbeSeries(DURATION_BUCKETS);
    private final AtomicInteger configReloadSuccess = new AtomicInteger(1);
    private final AtomicLong configReloadTimestamp = new AtomicLong();
    private final AtomicInteger probesLoaded = new AtomicInteger();

    public DriftwatchMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public DriftwatchMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        // Filters first (Micrometer applies them only to meters registered later). They keep `promtool
        // check metrics` clean for the JVM binders: process_cpu_time_ns_total abbreviates its unit (and
        // process_cpu_usage says the same), system_cpu_count reads as a summary's _count series.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
            }
        });
        registry.getPrometheusRegistry().register(probes);
        Gauge.builder("driftwatch.config.reload.success", configReloadSuccess, AtomicInteger::get)
                .description(
                        "1 when the last configuration reload succeeded for every file, 0 while any file is invalid")
                .register(registry);
        Gauge.builder("driftwatch.config.reload.timestamp.seconds", configReloadTimestamp, AtomicLong::get)
                .description("Unix time of the last configuration reload")
                .register(registry);
        Gauge.builder("driftwatch.probes.loaded", probesLoaded, AtomicInteger::get)
                .description("Probes currently scheduled")
                .register(registry);
    }

    /** JVM and process metrics (memory, GC, threads, CPU, file descriptors, uptime). */
    public DriftwatchMetrics withJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return this;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * One completed run: success, runs by outcome ({@code pass}, {@code degraded}, anything else is
     * {@code fail}), duration when a response arrived, last-run time.
     */
    public void recordRun(String probeId, String outcome, long totalNanos, boolean responded) {
        probes.record(probeId, outcome, totalNanos, responded, System.currentTimeMillis() / 1000);
    }

    /**
     * The probe's server certificate: seconds until its leaf certificate expires (whole days, as the
     * exchange measures them). Only HTTPS probes get the series.
     */
    public void certificateObserved(String probeId, int daysLeft) {
        probes.certificate(probeId, daysLeft);
    }

    /** Declares a probe so its series exist (success unknown = 0 runs) before the first run. */
    public void probeLoaded(String probeId, String connection, String vendor) {
        probes.declare(probeId, connection, vendor);
    }

    /** Removes every series of a deleted probe so dashboards stop showing it. */
    public void probeRemoved(String probeId) {
        probes.remove(probeId);
    }

    public void configReloaded(boolean success, long epochSeconds, int loaded) {
        configReloadSuccess.set(success ? 1 : 0);
        configReloadTimestamp.set(epochSeconds);
        probesLoaded.set(loaded);
    }

    public boolean configReloadSucceeded() {
        return configReloadSuccess.get() == 1;
    }
}

package io.driftwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Prometheus registry and every probe-level metric name. Label values are ids from configuration and
 * fixed enums (outcome, kind), never URLs or payload values, so cardinality is bounded by the probe count.
 * Per-probe meters are created once and cached; recording a run is a few map-free atomic updates.
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
    private final Map<String, ProbeMeters> probes = new ConcurrentHashMap<>();
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

    public void recordRun(String probeId, String outcome, long totalNanos, boolean responded) {
        ProbeMeters m = probes.computeIfAbsent(probeId, id -> new ProbeMeters(registry, id));
        m.success.set("pass".equals(outcome) || "degraded".equals(outcome) ? 1 : 0);
        m.runs(outcome).increment();
        if (responded) m.duration.record(totalNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        m.lastRun.set(System.currentTimeMillis() / 1000);
    }

    /**
     * The probe's server certificate: seconds until its leaf certificate expires (whole days, as the
     * exchange measures them). Only HTTPS probes get the series.
     */
    public void certificateObserved(String probeId, int daysLeft) {
        probes.computeIfAbsent(probeId, id -> new ProbeMeters(registry, id)).certificate(registry, daysLeft);
    }

    /** Declares a probe so its series exist (success unknown = 0 runs) before the first run. */
    public void probeLoaded(String probeId, String connection, String vendor) {
        probes.computeIfAbsent(probeId, id -> new ProbeMeters(registry, id)).info(registry, connection, vendor);
    }

    /** Removes every series of a deleted probe so dashboards stop showing it. */
    public void probeRemoved(String probeId) {
        ProbeMeters m = probes.remove(probeId);
        if (m != null) m.meters.forEach(registry::remove);
    }

    public void configReloaded(boolean success, long epochSeconds, int loaded) {
        configReloadSuccess.set(success ? 1 : 0);
        configReloadTimestamp.set(epochSeconds);
        probesLoaded.set(loaded);
    }

    public boolean configReloadSucceeded() {
        return configReloadSuccess.get() == 1;
    }

    private static final class ProbeMeters {
        final List<Meter> meters = new ArrayList<>();
        final AtomicInteger success = new AtomicInteger();
        final AtomicLong lastRun = new AtomicLong();
        final Timer duration;
        final Counter pass;
        final Counter degraded;
        final Counter fail;
        final String probe;
        boolean infoRegistered;
        final AtomicLong certificateSeconds = new AtomicLong();
        boolean certificateRegistered;

        ProbeMeters(MeterRegistry registry, String probe) {
            this.probe = probe;
            Tags tags = Tags.of("probe", probe);
            meters.add(Gauge.builder("driftwatch.probe.success", success, AtomicInteger::get)
                    .description("1 when the probe's last run passed or was degraded, 0 when it failed")
                    .tags(tags)
                    .register(registry));
            meters.add(Gauge.builder("driftwatch.probe.last.run.timestamp.seconds", lastRun, AtomicLong::get)
                    .description("Unix time of the probe's last completed run")
                    .tags(tags)
                    .register(registry));
            duration = Timer.builder("driftwatch.probe.duration")
                    .description("Total time of the probe's HTTP call (last attempt), from request to last body byte")
                    .tags(tags)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry);
            meters.add(duration);
            pass = runs(registry, tags, "pass");
            degraded = runs(registry, tags, "degraded");
            fail = runs(registry, tags, "fail");
        }

        private Counter runs(MeterRegistry registry, Tags tags, String outcome) {
            Counter c = Counter.builder("driftwatch.probe.runs")
                    .description("Completed probe runs by outcome (pass, degraded, fail)")
                    .tags(tags.and("outcome", outcome))
                    .register(registry);
            meters.add(c);
            return c;
        }

        Counter runs(String outcome) {
            return switch (outcome) {
                case "pass" -> pass;
                case "degraded" -> degraded;
                default -> fail;
            };
        }

        synchronized void certificate(MeterRegistry registry, int daysLeft) {
            certificateSeconds.set(daysLeft * 86_400L);
            if (certificateRegistered) return;
            certificateRegistered = true;
            meters.add(Gauge.builder("driftwatch.certificate.expiry.seconds", certificateSeconds, AtomicLong::get)
                    .description("Seconds until the probe's server certificate expires (day resolution; HTTPS only)")
                    .tags("probe", probe)
                    .register(registry));
        }

        synchronized void info(MeterRegistry registry, String connection, String vendor) {
            if (infoRegistered) return;
            infoRegistered = true;
            meters.add(Gauge.builder("driftwatch.probe.info", () -> 1)
                    .description("Static probe facts for joins in queries: connection and vendor")
                    .tags(
                            "probe",
                            probe,
                            "connection",
                            connection == null ? "" : connection,
                            "vendor",
                            vendor == null ? "generic" : vendor)
                    .register(registry));
        }
    }
}

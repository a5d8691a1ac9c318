package io.driftwatch.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code driftwatch_alerts_firing{severity}}: open alerts (firing or resolving) per severity, refreshed
 * after each alert transaction so a scrape never queries the database. All three severities are always
 * exported (zero when none), so dashboards need no absent() tricks.
 */
public final class AlertMetrics {
    private static final Logger log = LoggerFactory.getLogger(AlertMetrics.class);
    public static final String FIRING = "driftwatch.alerts.firing";
    static final List<String> SEVERITIES = List.of("info", "warning", "critical");

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> firing = new ConcurrentHashMap<>();

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        SEVERITIES.forEach(this::gauge);
    }

    private AtomicLong gauge(String severity) {
        return firing.computeIfAbsent(severity, s -> {
            var value = new AtomicLong();
            Gauge.builder(FIRING, value, AtomicLong::get)
                    .description("Open alerts by severity")
                    .tag("severity", s)
                    .register(registry);
            return value;
        });
    }

    void refresh(AlertStateRepository states) {
        try {
            Map<String, Long> counts = states.openBySeverity();
            firing.forEach((severity, value) -> value.set(counts.getOrDefault(severity, 0L)));
            counts.forEach((severity, n) -> gauge(severity).set(n));
        } catch (SQLException e) {
            log.warn("cannot count open alerts", e);
        }
    }
}

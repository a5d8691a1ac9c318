package io.driftwatch.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code driftwatch_notifications_total{channel,outcome}} (outcome: delivered, failed, dead),
 * {@code driftwatch_outbox_pending} and {@code driftwatch_outbox_oldest_seconds} (age of the oldest
 * pending notification, 0 when none). Gauges show the values from the dispatcher's latest poll, so a
 * scrape never touches the database.
 */
public final class OutboxMetrics {
    public static final String NOTIFICATIONS = "driftwatch.notifications";
    public static final String PENDING = "driftwatch.outbox.pending";
    public static final String OLDEST = "driftwatch.outbox.oldest";

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Notifications waiting in the outbox")
                .register(registry);
        Gauge.builder(OLDEST, oldestMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest pending notification")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Outcomes a delivery attempt can have; every configured channel exports all three from the start. */
    public static final java.util.List<String> OUTCOMES = java.util.List.of("delivered", "failed", "dead");

    /**
     * Registers every outcome of every configured channel at zero, so a dashboard or a rate() shows
     * "nothing delivered yet" instead of no data before the first notification.
     */
    public void declare(java.util.Collection<String> channels) {
        for (String channel : channels) {
            for (String outcome : OUTCOMES) counter(channel, outcome);
        }
    }

    public void count(String channel, String outcome) {
        counter(channel, outcome).increment();
    }

    private Counter counter(String channel, String outcome) {
        return counters.computeIfAbsent(
                channel + "\u0000" + outcome,
                k -> Counter.builder(NOTIFICATIONS)
                        .description("Notification delivery attempts by result")
                        .tag("channel", channel)
                        .tag("outcome", outcome)
                        .register(registry));
    }

    void update(OutboxRepository.Stats stats, Instant now) {
        pending.set(stats.pending());
        oldestMillis.set(stats.oldestCreatedAt()
                .map(t -> Math.max(0, Duration.between(t, now).toMillis()))
                .orElse(0L));
    }
}

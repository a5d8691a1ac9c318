package io.driftwatch.vendor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Vendor gauges, labelled by connection id (from configuration, so bounded):
 *
 * <ul>
 *   <li>{@code driftwatch_vendor_quota_used_ratio{connection}}: the latest used/allowed ratio a vendor
 *       reported (Salesforce {@code Sforce-Limit-Info} api-usage), from {@link QuotaUsage};
 *   <li>{@code driftwatch_vendor_refresh_token_expiry_seconds{connection}}: seconds until the refresh
 *       token stops working (the earlier of QuickBooks' rolling and hard expiry), from {@link
 *       AuthStatuses}; 0 once the authorization is lost (invalid_grant), negative when past due.
 * </ul>
 *
 * A series appears once its connection has a value and disappears when the connection is no longer
 * configured. Values are read at scrape time; {@link #sync()} only adds and removes series, so call it
 * after each run and after each reload.
 */
public final class VendorMetrics {
    public static final String QUOTA = "driftwatch.vendor.quota.used.ratio";
    public static final String REFRESH_EXPIRY = "driftwatch.vendor.refresh.token.expiry.seconds";

    private final MeterRegistry registry;
    private final VendorSupport vendors;
    private final Supplier<Collection<String>> configured;
    private final Clock clock;
    private final Map<String, Gauge> quota = new ConcurrentHashMap<>();
    private final Map<String, Gauge> expiry = new ConcurrentHashMap<>();

    /**
     * @param configured the connection ids in the active configuration
     */
    public VendorMetrics(
            MeterRegistry registry, VendorSupport vendors, Supplier<Collection<String>> configured, Clock clock) {
        this.registry = registry;
        this.vendors = vendors;
        this.configured = configured;
        this.clock = clock;
    }

    /** Adds series for connections that gained a value, removes those of connections no longer configured. */
    public synchronized void sync() {
        Set<String> ids = Set.copyOf(configured.get());
        for (String id : ids) {
            if (!quota.containsKey(id) && vendors.quotas().ratio(id).isPresent()) {
                quota.put(
                        id,
                        Gauge.builder(QUOTA, () -> vendors.quotas().ratio(id).orElse(Double.NaN))
                                .description("Share of the vendor's API allocation used, as last reported")
                                .tag("connection", id)
                                .register(registry));
            }
            if (!expiry.containsKey(id)
                    && vendors.authStatuses()
                            .get(id)
                            .map(AuthStatuses.Status::refreshDeadline)
                            .isPresent()) {
                expiry.put(
                        id,
                        Gauge.builder(REFRESH_EXPIRY, () -> secondsLeft(id))
                                .description("Seconds until the connection's refresh token expires")
                                .baseUnit("seconds")
                                .tag("connection", id)
                                .register(registry));
            }
        }
        drop(quota, ids);
        drop(expiry, ids);
    }

    private double secondsLeft(String id) {
        var status = vendors.authStatuses().get(id);
        if (status.isEmpty()) return Double.NaN;
        if (status.get().state() == AuthStatuses.State.LOST) return 0;
        Instant deadline = status.get().refreshDeadline();
        if (deadline == null) return Double.NaN;
        return Duration.between(clock.instant(), deadline).toMillis() / 1000.0;
    }

    private void drop(Map<String, Gauge> gauges, Set<String> keep) {
        gauges.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) return false;
            registry.remove(e.getValue());
            return true;
        });
    }
}

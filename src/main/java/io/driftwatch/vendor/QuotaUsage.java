package io.driftwatch.vendor;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest vendor quota use per connection, as a ratio of used to allowed (Salesforce's {@code
 * Sforce-Limit-Info} api-usage). Source for the {@code driftwatch_vendor_quota_used_ratio{connection}}
 * gauge; thread-safe.
 */
public final class QuotaUsage {
    private final Map<String, Double> ratios = new ConcurrentHashMap<>();

    public void record(String connectionId, double ratio) {
        ratios.put(connectionId, ratio);
    }

    public OptionalDouble ratio(String connectionId) {
        Double r = ratios.get(connectionId);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
    }

    /** Connection id to ratio, a snapshot. */
    public Map<String, Double> all() {
        return Map.copyOf(ratios);
    }
}

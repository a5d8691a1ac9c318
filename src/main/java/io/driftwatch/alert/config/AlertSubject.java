package io.driftwatch.alert.config;

import java.util.Map;
import java.util.Set;

/**
 * What routes, maintenance windows and silences match against: one alert key's probe, vendor,
 * severity, kinds (the alert's kind plus the kinds of its findings) and the probe's labels. Null probe
 * or vendor for alerts not about a probe (config, delivery).
 */
public record AlertSubject(
        String probeId, String vendor, String severity, Set<String> kinds, Map<String, String> labels) {
    public AlertSubject {
        kinds = Set.copyOf(kinds);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}

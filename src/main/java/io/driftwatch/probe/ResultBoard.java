package io.driftwatch.probe;

import io.driftwatch.config.ProbeDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest result per probe, in memory, for the API and status page. Thread-safe. */
public final class ResultBoard implements ProbeResultListener {
    private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();

    @Override
    public void onResult(ProbeDefinition probe, ProbeResult result) {
        latest.put(result.probeId(), result);
    }

    public Optional<ProbeResult> latest(String probeId) {
        return Optional.ofNullable(latest.get(probeId));
    }

    public Map<String, ProbeResult> all() {
        return Map.copyOf(latest);
    }

    public void seed(ProbeResult result) {
        latest.putIfAbsent(result.probeId(), result);
    }

    public void remove(String probeId) {
        latest.remove(probeId);
    }
}

package io.driftwatch.probe;

import io.driftwatch.config.ProbeDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest result per probe, in memory, for the API and status page. Thread-safe. Results are kept
 * without the response body (its size stays) and headers: nothing here shows them, 10,000 probes' last
 * bodies held 55 MB in bench/run with 5 KB responses (gigabytes with real vendor pages), and each result
 * lives a whole interval, so whatever it holds survives young collections and is copied by them.
 */
public final class ResultBoard implements ProbeResultListener {
    private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();

    @Override
    public void onResult(ProbeDefinition probe, ProbeResult result) {
        latest.put(result.probeId(), withoutPayload(result));
    }

    static ProbeResult withoutPayload(ProbeResult r) {
        if (r.exchange() == null
                || (r.exchange().body().length == 0 && r.exchange().headers().isEmpty())) return r;
        return new ProbeResult(
                r.probeId(),
                r.connection(),
                r.scheduledAt(),
                r.startedAt(),
                r.outcome(),
                r.failureKind(),
                r.exchange().withoutPayload(),
                r.checks(),
                r.findings());
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

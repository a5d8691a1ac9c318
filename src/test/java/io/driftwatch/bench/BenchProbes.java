package io.driftwatch.bench;

import io.driftwatch.schedule.StartJitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's probes: {@code count} probes on one {@code every:} interval, a share of them against the
 * target's {@code /slow} endpoint (for latency error), the rest against {@code /fast}. Ids are {@code
 * bench-slow-NNNNN} and {@code bench-fast-NNNNN}; their fire times follow from {@link StartJitter}, so
 * blackbox_exporter's driver fires the same ids at the same instants and schedule lag can be computed
 * from the audit trail alone. Every probe's request carries {@code ?p=<id>}, so the target can tell which
 * probe a request came from (see {@link #targetUrl}).
 */
record BenchProbes(int count, Duration interval, double slowShare) {

    static final String CONNECTION = "target";

    record Probe(String id, boolean slow, long phaseMillis) {}

    List<Probe> probes() {
        int slow = slowCount();
        List<Probe> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean isSlow = i < slow;
            String id = String.format("bench-%s-%05d", isSlow ? "slow" : "fast", i);
            out.add(new Probe(id, isSlow, StartJitter.phaseMillis(id, interval)));
        }
        return out;
    }

    int slowCount() {
        return count == 0 ? 0 : Math.max(1, (int) Math.round(count * slowShare));
    }

    /** The URL a probe requests: {@code <baseUrl>/slow?p=<id>} or {@code <baseUrl>/fast?p=<id>}. */
    static String targetUrl(String baseUrl, Probe p) {
        return baseUrl + (p.slow() ? "/slow" : "/fast") + "?p=" + p.id();
    }

    static boolean isSlow(String probeId) {
        return probeId.startsWith("bench-slow-");
    }

    /**
     * Writes {@code probes/connections/target.yaml} and one file per probe under {@code probesDir}.
     *
     * @param reuseConnections false for a fresh connection per run (the connection key of that name)
     */
    void write(Path probesDir, String baseUrl, boolean reuseConnections) throws IOException {
        Files.createDirectories(probesDir.resolve("connections"));
        Files.writeString(probesDir.resolve("connections").resolve(CONNECTION + ".yaml"), """
                baseUrl: %s
                maxConcurrency: %d
                reuseConnections: %s
                """.formatted(
                        baseUrl, Math.max(10, count), reuseConnections));
        String every = interval.toMillis() + "ms";
        for (Probe p : probes()) {
            Files.writeString(probesDir.resolve(p.id() + ".yaml"), """
                    id: %s
                    connection: %s
                    schedule: { every: %s }
                    request:
                      path: %s
                      query: { p: %s }
                      timeout: 5s
                      retries: { attempts: 1 }
                    expect:
                      status: 200
                    """.formatted(
                            p.id(), CONNECTION, every, p.slow() ? "/slow" : "/fast", p.id()));
        }
    }

    /**
     * Schedule lag of a run of {@code probeId} that started at {@code startMicros} (epoch microseconds):
     * the time since the fire it belongs to. A start up to 50 ms before a fire time (Quartz fires batches a
     * few milliseconds ahead) belongs to that fire and counts as 0, as in {@code driftwatch_schedule_lag_seconds}.
     */
    static double lagMillis(String probeId, Duration interval, long startMicros) {
        long intervalMicros = interval.toMillis() * 1000;
        long phaseMicros = StartJitter.phaseMillis(probeId, interval) * 1000;
        long sinceFire = Math.floorMod(startMicros - phaseMicros, intervalMicros);
        if (sinceFire > intervalMicros - 50_000) return 0;
        return sinceFire / 1000.0;
    }
}

package io.driftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-run samples from the daemon's audit trail ({@code data/audit/audit.jsonl}: one line per run with its
 * start time at microsecond precision and the last attempt's duration in milliseconds with three decimals).
 * The trail is what every run writes anyway, so reading it needs no extra switch in the daemon and is far
 * finer than the histogram buckets of {@code /metrics}.
 *
 * @param slowLatencyErrorMillis per passing {@code /slow} run: its {@code ms} minus the nominal 200 ms
 * @param slowErrorVsHoldMillis per passing {@code /slow} run: its {@code ms} minus the hold the target
 *     recorded for the same request (same probe id, arrival nearest to the run's start)
 * @param unmatchedSlowRuns passing {@code /slow} runs the target has no record of
 */
record AuditSamples(
        int runs,
        Map<String, Integer> outcomes,
        double[] lagMillis,
        double[] slowLatencyErrorMillis,
        double[] slowErrorVsHoldMillis,
        int unmatchedSlowRuns,
        Instant first) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs that started in {@code [from, to)}; {@code first} is the earliest run start in the whole file. */
    static AuditSamples read(Path auditFile, Instant from, Instant to, Duration interval, TargetHolds holds)
            throws IOException {
        int runs = 0;
        int unmatched = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Double> lags = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> vsHold = new ArrayList<>();
        Instant first = null;
        if (!Files.exists(auditFile)) {
            return new AuditSamples(0, outcomes, new double[0], new double[0], new double[0], 0, null);
        }
        long maxDistanceMicros = interval.toNanos() / 2000;
        double delayMillis = LoopbackTarget.SLOW_DELAY.toNanos() / 1e6;
        try (BufferedReader in = Files.newBufferedReader(auditFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                String probe = n.path("probe").asText("");
                if (!probe.startsWith("bench-")) continue;
                Instant time = Instant.parse(n.path("time").asText());
                if (first == null || time.isBefore(first)) first = time;
                if (time.isBefore(from) || !time.isBefore(to)) continue;
                runs++;
                String outcome = n.path("outcome").asText("?");
                outcomes.merge(outcome, 1, Integer::sum);
                long micros = time.getEpochSecond() * 1_000_000 + time.getNano() / 1000;
                lags.add(BenchProbes.lagMillis(probe, interval, micros));
                if (BenchProbes.isSlow(probe) && "ok".equals(outcome)) {
                    double ms = n.path("ms").asDouble();
                    errors.add(ms - delayMillis);
                    var hold = holds.holdMillisNear(probe, micros, maxDistanceMicros);
                    if (hold.isPresent()) vsHold.add(ms - hold.getAsDouble());
                    else unmatched++;
                }
            }
        }
        return new AuditSamples(runs, outcomes, toArray(lags), toArray(errors), toArray(vsHold), unmatched, first);
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

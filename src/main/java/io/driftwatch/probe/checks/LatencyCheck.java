package io.driftwatch.probe.checks;

import io.driftwatch.config.LatencyExpectation;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Total time of the successful attempt against {@code max} (fails) and {@code degraded} (warns). Skipped
 * when no response arrived: a timeout is already its own finding.
 */
public final class LatencyCheck implements Check {
    private final LatencyExpectation expected;

    public LatencyCheck(LatencyExpectation expected) {
        this.expected = expected;
    }

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var exchange = context.exchange();
        if (exchange.status() == 0) return List.of();
        long nanos = exchange.totalNanos();
        if (expected.max() != null && nanos > expected.max().toNanos()) {
            return List.of(finding(Level.FAIL, "max", expected.max(), nanos));
        }
        if (expected.degraded() != null && nanos > expected.degraded().toNanos()) {
            return List.of(finding(Level.WARN, "degraded", expected.degraded(), nanos));
        }
        return List.of();
    }

    private Finding finding(Level level, String limitName, Duration limit, long nanos) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("limit", Durations.format(limit));
        evidence.put("actualMs", Durations.millis(nanos));
        String message =
                "took " + Durations.millis(nanos) + " ms, over the " + limitName + " of " + Durations.format(limit);
        return new Finding(name(), FindingKind.LATENCY, level, message, evidence);
    }
}

package io.driftwatch.store;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.Exchange;
import io.driftwatch.probe.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One probe run as the store keeps it: the verdict, the timings and the findings, without the
 * response body or headers. Times and durations are kept to the microsecond (what both databases
 * store), so a run read back equals the {@link #from(ProbeResult)} of what was saved.
 *
 * @param connection the connection the probe used, or null
 * @param failureKind the kind of the first FAIL finding, or null when the run did not fail
 * @param httpStatus the last HTTP status, or null when no response arrived
 * @param timeToHeaders time from sending the last attempt to its response headers; null without an exchange
 * @param total time from the first attempt's start to the last body byte; null without an exchange
 * @param bodyBytes bytes received (0 without an exchange)
 * @param attempts attempts made (0 without an exchange)
 * @param certificateDaysLeft days until the server certificate expires (HTTPS only), or null
 * @param findings every finding, in the order the checks produced them
 */
public record StoredRun(
        String probeId,
        String connection,
        Instant scheduledAt,
        Instant startedAt,
        Outcome outcome,
        String failureKind,
        Integer httpStatus,
        Duration timeToHeaders,
        Duration total,
        long bodyBytes,
        int attempts,
        Integer certificateDaysLeft,
        List<Finding> findings) {

    public StoredRun {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        scheduledAt = scheduledAt.truncatedTo(ChronoUnit.MICROS);
        startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
        timeToHeaders = timeToHeaders == null ? null : truncateToMicros(timeToHeaders);
        total = total == null ? null : truncateToMicros(total);
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    /** What the store keeps of a run. A null {@code scheduledAt} falls back to {@code startedAt}. */
    public static StoredRun from(ProbeResult result) {
        Exchange exchange = result.exchange();
        Instant scheduledAt = result.scheduledAt() != null ? result.scheduledAt() : result.startedAt();
        if (exchange == null) {
            return new StoredRun(
                    result.probeId(),
                    result.connection(),
                    scheduledAt,
                    result.startedAt(),
                    result.outcome(),
                    result.failureKind(),
                    null,
                    null,
                    null,
                    0,
                    0,
                    null,
                    result.findings());
        }
        return new StoredRun(
                result.probeId(),
                result.connection(),
                scheduledAt,
                result.startedAt(),
                result.outcome(),
                result.failureKind(),
                exchange.status() > 0 ? exchange.status() : null,
                Duration.ofNanos(exchange.timeToHeadersNanos()),
                Duration.ofNanos(exchange.totalNanos()),
                exchange.bodyBytes(),
                exchange.attempts(),
                exchange.certificateDaysLeft(),
                result.findings());
    }

    /** Total time in milliseconds with sub-millisecond precision, or null without an exchange. */
    public Double totalMillis() {
        return total == null ? null : total.toNanos() / 1e6;
    }

    private static Duration truncateToMicros(Duration d) {
        return Duration.ofNanos(d.toNanos() / 1_000 * 1_000);
    }
}

package io.driftwatch.store;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.TransportFailure;
import io.driftwatch.probe.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Probe results built directly from the core records. */
final class TestRuns {
    /** A start time with nanoseconds, to show the store keeps microseconds. */
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private TestRuns() {}

    /** A passing run: HTTP 200, 12.345678 ms to headers, 15.000999 ms total, 512 bytes, one attempt. */
    static ProbeResult passing(String probeId, Instant startedAt) {
        Exchange exchange = new Exchange(
                startedAt,
                "GET",
                "https://vendor.example/v3/invoice/1",
                200,
                Map.of("content-type", List.of("application/json")),
                "{\"ok\":true}".getBytes(StandardCharsets.UTF_8),
                512,
                12_345_678,
                15_000_999,
                1,
                null,
                42,
                "tid-1");
        return new ProbeResult(
                probeId,
                "quickbooks",
                startedAt.minusMillis(3),
                startedAt,
                Outcome.PASS,
                null,
                exchange,
                List.of("status", "latency"),
                List.of());
    }

    /** A failed run: timed out after three attempts, no response, with findings. */
    static ProbeResult timedOut(String probeId, Instant startedAt, List<Finding> findings) {
        Exchange exchange = new Exchange(
                startedAt,
                "GET",
                "https://vendor.example/slow",
                0,
                Map.of(),
                null,
                0,
                0,
                5_000_000_250L,
                3,
                new TransportFailure(FindingKind.TIMEOUT, "no response within 5s"),
                null,
                null);
        return new ProbeResult(
                probeId,
                "salesforce",
                startedAt,
                startedAt,
                Outcome.FAIL,
                FindingKind.TIMEOUT,
                exchange,
                List.of("status"),
                findings);
    }

    /** A run that never reached the wire (no exchange), e.g. a config or auth failure. */
    static ProbeResult withoutExchange(String probeId, Instant startedAt) {
        return new ProbeResult(
                probeId,
                null,
                null,
                startedAt,
                Outcome.FAIL,
                FindingKind.AUTH,
                null,
                List.of("auth"),
                List.of(Finding.fail("auth", FindingKind.AUTH, "token refresh failed: HTTP 400 invalid_grant")));
    }
}

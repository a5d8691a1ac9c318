package io.driftwatch.support;

import io.driftwatch.config.AlertSpec;
import io.driftwatch.config.Assertion;
import io.driftwatch.config.Expectations;
import io.driftwatch.config.LatencyExpectation;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.config.Schedule;
import io.driftwatch.config.SourceLocation;
import io.driftwatch.config.StatusExpectation;
import io.driftwatch.http.Exchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders for core records in tests. */
public final class Fixtures {
    private Fixtures() {}

    public static ProbeDefinition probe(String id, Expectations expect) {
        return new ProbeDefinition(
                id,
                "test probe",
                "local",
                new Schedule.Every(Duration.ofMinutes(1)),
                new RequestSpec(
                        "GET",
                        "/x",
                        Map.of(),
                        Map.of(),
                        null,
                        Duration.ofSeconds(5),
                        RetrySpec.NONE,
                        RequestSpec.DEFAULT_MAX_BODY_BYTES,
                        false),
                expect,
                AlertSpec.DEFAULT,
                Map.of(),
                null,
                new SourceLocation(Path.of("probes/" + id + ".yaml"), 1, 1));
    }

    public static Expectations expect(
            StatusExpectation status, LatencyExpectation latency, List<Assertion> assertions) {
        return new Expectations(status, latency, assertions, null, null, null, List.of());
    }

    public static Exchange response(int status, String contentType, String body, long totalMillis) {
        return new Exchange(
                Instant.parse("2026-11-21T10:00:00Z"),
                "GET",
                "http://127.0.0.1/x",
                status,
                contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8),
                body.length(),
                totalMillis * 500_000,
                totalMillis * 1_000_000,
                1,
                null,
                null,
                null);
    }

    public static Assertion exists(String path, boolean exists) {
        return new Assertion(path, exists, null, null, null, null, null, null);
    }
}

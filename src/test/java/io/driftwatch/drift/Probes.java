package io.driftwatch.drift;

import io.driftwatch.config.Expectations;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.config.Schedule;
import io.driftwatch.config.SchemaExpectation;
import io.driftwatch.config.SourceLocation;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.TransportFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Probe definitions and exchanges for check tests. */
public final class Probes {
    private Probes() {}

    public static ProbeDefinition probe(String id, SchemaExpectation schema, Path probeFile) {
        RequestSpec request = new RequestSpec(
                "GET",
                "/v3/company/1/invoice/130",
                Map.of(),
                Map.of(),
                null,
                Duration.ofSeconds(5),
                null,
                RequestSpec.DEFAULT_MAX_BODY_BYTES,
                false);
        Expectations expect = new Expectations(null, null, List.of(), null, null, schema, List.of());
        return new ProbeDefinition(
                id,
                "test probe",
                "quickbooks",
                new Schedule.Every(Duration.ofMinutes(1)),
                request,
                expect,
                null,
                Map.of(),
                null,
                new SourceLocation(probeFile, 1, 1));
    }

    public static Exchange exchange(int status, String contentType, String body, long totalNanos) {
        return new Exchange(
                Instant.parse("2026-03-01T09:00:00Z"),
                "GET",
                "https://sandbox-quickbooks.api.intuit.com/v3/company/1/invoice/130",
                status,
                Map.of("content-type", List.of(contentType), "intuit_tid", List.of("1-abc")),
                body.getBytes(StandardCharsets.UTF_8),
                body.length(),
                totalNanos / 2,
                totalNanos,
                1,
                null,
                null,
                "1-abc");
    }

    public static Exchange refused() {
        return new Exchange(
                Instant.parse("2026-03-01T09:00:00Z"),
                "GET",
                "https://127.0.0.1:1/",
                0,
                Map.of(),
                null,
                0,
                0,
                5_000_000,
                1,
                new TransportFailure("connection-refused", "Connection refused"),
                null,
                null);
    }
}

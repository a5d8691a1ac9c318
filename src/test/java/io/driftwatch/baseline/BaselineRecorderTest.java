package io.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.drift.DriftFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineRecorderTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final BaselineRecorder recorder = new BaselineRecorder(
            DriftFixtures.CLOCK, pauses::add, "0.1.0", InferenceOptions.DEFAULT, BaselineRecorder.DEFAULT_HEADERS);

    private static Sample sample(int status, String type, long millis, Map<String, String> headers, JsonNode json) {
        return new Sample(status, type, headers, millis * 1_000_000, json);
    }

    private static SampleSource sequence(List<Sample> samples) {
        Iterator<Sample> it = samples.iterator();
        return it::next;
    }

    @Test
    void recordsSpacedSamplesWithLatencyPercentilesAndSelectedHeaders() throws Exception {
        JsonNode body = DriftFixtures.load("smarty-candidates.json");
        List<Sample> samples = new ArrayList<>();
        long[] millis = {40, 10, 50, 20, 30};
        for (int i = 0; i < 5; i++) {
            samples.add(sample(
                    200,
                    "application/json; charset=utf-8",
                    millis[i],
                    Map.of(
                            "content-type", "application/json; charset=utf-8",
                            "cache-control", i == 0 ? "no-cache" : "no-cache",
                            "vary", "Accept-Encoding",
                            "sforce-limit-info", "api-usage=" + (10 + i) + "/15000",
                            "authorization-echo", "x"),
                    body));
        }
        samples.set(
                2,
                sample(
                        200,
                        "application/json; charset=utf-8",
                        50,
                        Map.of(
                                "content-type",
                                "application/json; charset=utf-8",
                                "cache-control",
                                "no-cache",
                                "sforce-limit-info",
                                "api-usage=12/15000"),
                        body));

        Baseline b = recorder.record("smarty-street", 5, Duration.ofSeconds(2), sequence(samples));

        assertThat(pauses)
                .containsExactly(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(b.sampleCount()).isEqualTo(5);
        assertThat(b.recordedAt()).isEqualTo(DriftFixtures.CLOCK.instant());
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.contentType()).isEqualTo("application/json");
        assertThat(b.latency())
                .isEqualTo(
                        new LatencyStats(new BigDecimal("30.000"), new BigDecimal("50.000"), new BigDecimal("50.000")));
        assertThat(b.headers())
                .containsExactly(
                        Map.entry("cache-control", "no-cache"),
                        Map.entry("content-type", "application/json; charset=utf-8"),
                        Map.entry("sforce-limit-info", "*")); // vary missing once; authorization-echo not selected
        assertThat(b.schema().get("type").asText()).isEqualTo("array");
    }

    @Test
    void secretLookingHeaderValuesAreNeverRecorded() throws Exception {
        BaselineRecorder withAuth = new BaselineRecorder(
                DriftFixtures.CLOCK,
                pauses::add,
                "0.1.0",
                InferenceOptions.DEFAULT,
                List.of("x-session-token", "x-request-id"));
        Map<String, String> headers =
                Map.of("x-session-token", "short", "x-request-id", "a8Kx92LmQz7Pw3Rt5Yv1Nb6Hc4Jd0Fs");
        Baseline b = withAuth.build("p", List.of(sample(200, null, 1, headers, null)));
        assertThat(b.headers()).containsExactly(Map.entry("x-request-id", "*"), Map.entry("x-session-token", "*"));
        assertThat(b.schema()).isNull();
        assertThat(b.contentType()).isNull();
    }

    @Test
    void samplesMustAgree() {
        JsonNode body = DriftFixtures.load("smarty-candidates.json");
        Sample ok = sample(200, "application/json", 5, Map.of(), body);
        assertThatThrownBy(() ->
                        recorder.build("p", List.of(ok, sample(503, "application/json", 5, Map.of(), body), ok)))
                .isInstanceOf(BaselineRecordingException.class)
                .hasMessage("samples disagree on status: 200, 503");
        assertThatThrownBy(() -> recorder.build("p", List.of(ok, sample(200, "text/html", 5, Map.of(), body))))
                .hasMessage("samples disagree on content type: application/json, text/html");
        assertThatThrownBy(() ->
                        recorder.build("p", List.of(ok, sample(200, "application/json", 5, Map.of(), null), ok)))
                .hasMessage("samples disagree on body: 2 of 3 are JSON");
    }

    @Test
    void aFailedSampleAbortsRecording() {
        SampleSource failing = () -> {
            throw new IllegalStateException("connection refused");
        };
        assertThatThrownBy(() -> recorder.record("p", 3, Duration.ofSeconds(1), failing))
                .isInstanceOf(BaselineRecordingException.class)
                .hasMessage("sample 1 of 3 failed: connection refused");
        assertThat(pauses).isEmpty();
    }

    @Test
    void mergeAcceptsWhatEitherAccepted() throws Exception {
        JsonNode old = DriftFixtures.JSON.readTree("{\"a\": 1, \"b\": \"2024-01-01\", \"c\": {\"x\": 1}}");
        JsonNode fresh =
                DriftFixtures.JSON.readTree("{\"a\": \"1\", \"b\": \"2024-01-01\", \"c\": {\"y\": 1}, \"d\": null}");
        Baseline previous = recorder.build("p", List.of(sample(200, "application/json", 10, Map.of(), old)));
        Baseline now = recorder.build("p", List.of(sample(200, "application/json", 20, Map.of(), fresh)));
        Baseline merged = recorder.merge(previous, now);
        assertThat(merged.sampleCount()).isEqualTo(2);
        assertThat(merged.latency()).isEqualTo(now.latency());
        assertThat(merged.schema().toString())
                .isEqualTo(
                        "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{"
                                + "\"a\":{\"type\":[\"number\",\"string\"]},"
                                + "\"b\":{\"type\":\"string\",\"format\":\"date\"},"
                                + "\"c\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"},\"y\":{\"type\":\"number\"}}},"
                                + "\"d\":{}},"
                                + "\"required\":[\"a\",\"b\",\"c\"]}");
    }
}

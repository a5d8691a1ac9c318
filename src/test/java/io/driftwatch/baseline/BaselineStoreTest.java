package io.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.drift.DriftFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path dir;

    private static Sample sample(JsonNode json, long nanos, String tid) {
        return new Sample(
                200,
                "application/json;charset=UTF-8",
                Map.of("content-type", "application/json;charset=UTF-8", "intuit_tid", tid),
                nanos,
                json);
    }

    private static Baseline record(JsonNode... samples) throws Exception {
        List<Sample> list = new java.util.ArrayList<>();
        for (int i = 0; i < samples.length; i++) list.add(sample(samples[i], (10 + i) * 1_000_000L, "tid-" + i));
        return DriftFixtures.recorder(InferenceOptions.DEFAULT).build("qbo-invoice-read", list);
    }

    @Test
    void theFileLayoutIsStableAndReadable() throws Exception {
        BaselineStore store = new BaselineStore(dir);
        store.write(record(DriftFixtures.JSON.readTree("{\"Id\": \"130\", \"TotalAmt\": 362.07}")));
        assertThat(Files.readString(store.file("qbo-invoice-read"))).isEqualTo("""
                        {
                          "probe": "qbo-invoice-read",
                          "driftwatchVersion": "0.1.0-test",
                          "recordedAt": "2026-03-01T09:00:00Z",
                          "sampleCount": 1,
                          "status": 200,
                          "contentType": "application/json",
                          "headers": {
                            "content-type": "application/json;charset=UTF-8",
                            "intuit_tid": "*"
                          },
                          "latency": {
                            "p50": 10.000,
                            "p95": 10.000,
                            "p99": 10.000
                          },
                          "schema": {
                            "$schema": "https://json-schema.org/draft/2020-12/schema",
                            "type": "object",
                            "properties": {
                              "Id": {
                                "type": "string"
                              },
                              "TotalAmt": {
                                "type": "number"
                              }
                            },
                            "required": [
                              "Id",
                              "TotalAmt"
                            ]
                          }
                        }
                        """);
    }

    @Test
    void recordingTwiceOnTheSameResponsesIsByteIdentical() throws Exception {
        BaselineStore store = new BaselineStore(dir);
        JsonNode read = DriftFixtures.load("qbo-invoice-read.json");
        JsonNode edited = DriftFixtures.load("qbo-invoice-read-edited.json");
        store.write(record(read, edited, read));
        byte[] first = Files.readAllBytes(store.file("qbo-invoice-read"));
        store.write(record(SchemaInferrerTest.reverse(read), SchemaInferrerTest.reverse(edited), read));
        assertThat(Files.readAllBytes(store.file("qbo-invoice-read"))).isEqualTo(first);
        // Reading and writing back changes nothing either.
        Baseline loaded = store.read("qbo-invoice-read").orElseThrow();
        store.write(loaded);
        assertThat(Files.readAllBytes(store.file("qbo-invoice-read"))).isEqualTo(first);
        assertThat(store.read("qbo-invoice-read").orElseThrow()).isEqualTo(loaded);
    }

    @Test
    void readsAreCachedUntilTheFileChangesAndWritesLeaveNoTemporaryFiles() throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        assertThat(store.read("qbo-invoice-read")).isEmpty();
        store.write(record(DriftFixtures.load("qbo-invoice-read.json")));
        Baseline first = store.read("qbo-invoice-read").orElseThrow();
        assertThat(store.read("qbo-invoice-read").orElseThrow()).isSameAs(first);
        store.write(record(DriftFixtures.load("qbo-invoice-read-edited.json")));
        Baseline second = store.read("qbo-invoice-read").orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(second.schema()).isNotEqualTo(first.schema());
        try (Stream<Path> files = Files.list(dir.resolve("baselines"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("qbo-invoice-read.json");
        }
        // Readable by a daemon running as another user, like any file in the repository.
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(store.file("qbo-invoice-read"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void probeIdsCannotEscapeTheDirectory() {
        BaselineStore store = new BaselineStore(dir);
        assertThatThrownBy(() -> store.file("../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid probe id '../etc/passwd': expected [a-z0-9-]+");
    }

    @Test
    void everyProblemInAFileIsReportedWithItsPlace() throws Exception {
        Path file = dir.resolve("qbo-invoice-read.json");
        Files.writeString(file, """
                {
                  "probe": "qbo-invoice",
                  "driftwatchVersion": "0.1.0",
                  "recordedAt": "yesterday",
                  "sampleCount": 0,
                  "status": 42,
                  "latency": {"p50": 1},
                  "colour": "blue",
                  "schema": []
                }
                """);
        assertThatThrownBy(() -> new BaselineStore(dir).read("qbo-invoice-read"))
                .isInstanceOf(BaselineFormatException.class)
                .hasMessage(String.join(
                        "\n",
                        file
                                + ":8:3: unknown key 'colour' (expected one of probe, driftwatchVersion, recordedAt, sampleCount,"
                                + " status, contentType, headers, latency, schemaFile, schema)",
                        file + ":2:3: 'probe' is 'qbo-invoice' but the file is named 'qbo-invoice-read.json'",
                        file + ":4:3: 'recordedAt' must be an ISO-8601 instant such as 2026-01-02T03:04:05Z",
                        file + ":5:3: 'sampleCount' must be a whole number of at least 1",
                        file + ":6:3: 'status' must be an HTTP status between 100 and 599, or 0 when unknown",
                        file + ":7:3: 'latency' must be an object with numbers p50, p95 and p99 (milliseconds)",
                        file + ":9:3: 'schema' must be a JSON Schema object or null"));
    }

    @Test
    void invalidJsonAndMissingKeys() throws Exception {
        Path file = dir.resolve("smarty-street.json");
        Files.writeString(file, "{\n  \"probe\": \"smarty-street\",\n  \"status\": 200,,\n}\n");
        assertThatThrownBy(() -> new BaselineStore(dir).read("smarty-street"))
                .hasMessageStartingWith(file + ":3:17: invalid JSON: Unexpected character (',' (code 44))");
        Files.writeString(file, "{\"probe\": \"smarty-street\", \"status\": 200}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BaselineStore(dir).read("smarty-street"))
                .hasMessage(String.join(
                        "\n",
                        file + ":1:1: missing key 'driftwatchVersion'",
                        file + ":1:1: missing key 'recordedAt'",
                        file + ":1:1: missing key 'sampleCount'"));
    }
}

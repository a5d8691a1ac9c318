package io.driftwatch.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ConfigProblem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the top-level keys of a baseline file with their locations and checks each one. */
final class BaselineFields {
    private static final List<String> KEYS = List.of(
            "probe",
            "driftwatchVersion",
            "recordedAt",
            "sampleCount",
            "status",
            "contentType",
            "headers",
            "latency",
            "schemaFile",
            "schema");
    private static final List<String> REQUIRED =
            List.of("probe", "driftwatchVersion", "recordedAt", "sampleCount", "status");

    private final Path file;
    private final List<ConfigProblem> problems;
    private final Map<String, JsonNode> values = new HashMap<>();
    private final Map<String, JsonLocation> locations = new HashMap<>();

    BaselineFields(Path file, List<ConfigProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void accept(String name, JsonNode value, JsonLocation where) {
        if (!KEYS.contains(name)) {
            problem(where, "unknown key '" + name + "' (expected one of " + String.join(", ", KEYS) + ")");
        } else if (values.containsKey(name)) {
            problem(where, "duplicate key '" + name + "'");
        } else {
            values.put(name, value);
            locations.put(name, where);
        }
    }

    Baseline build(String expectedProbe) {
        for (String key : REQUIRED) {
            if (!values.containsKey(key)) problems.add(new ConfigProblem(file, 1, 1, "missing key '" + key + "'"));
        }
        String probe = text("probe");
        if (probe != null && expectedProbe != null && !probe.equals(expectedProbe)) {
            problem(
                    locations.get("probe"),
                    "'probe' is '" + probe + "' but the file is named '" + expectedProbe + ".json'");
        }
        String version = text("driftwatchVersion");
        Instant recordedAt = instant();
        int sampleCount =
                integer("sampleCount", 1, Integer.MAX_VALUE, "'sampleCount' must be a whole number of at least 1");
        int status =
                integer("status", 0, 599, "'status' must be an HTTP status between 100 and 599, or 0 when unknown");
        if (status > 0 && status < 100) {
            problem(locations.get("status"), "'status' must be an HTTP status between 100 and 599, or 0 when unknown");
        }
        String contentType = text("contentType");
        String schemaFile = text("schemaFile");
        TreeMap<String, String> headers = headers();
        LatencyStats latency = latency();
        JsonNode schema = values.get("schema");
        if (schema != null && schema.isNull()) schema = null;
        if (schema != null && !schema.isObject() && !schema.isBoolean()) {
            problem(locations.get("schema"), "'schema' must be a JSON Schema object or null");
            schema = null;
        }
        return new Baseline(
                probe, version, recordedAt, sampleCount, status, contentType, headers, latency, schemaFile, schema);
    }

    private void problem(JsonLocation where, String message) {
        problems.add(BaselineCodec.at(file, where, message));
    }

    private String text(String key) {
        JsonNode v = values.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            problem(locations.get(key), "'" + key + "' must be a string");
            return null;
        }
        return v.asText();
    }

    private Instant instant() {
        String text = text("recordedAt");
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problem(
                    locations.get("recordedAt"),
                    "'recordedAt' must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
            return null;
        }
    }

    private int integer(String key, int min, int max, String message) {
        JsonNode v = values.get(key);
        if (v == null) return 0;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            problem(locations.get(key), message);
            return 0;
        }
        return v.asInt();
    }

    private TreeMap<String, String> headers() {
        TreeMap<String, String> out = new TreeMap<>();
        JsonNode v = values.get("headers");
        if (v == null) return out;
        boolean ok = v.isObject();
        if (ok) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (!e.getValue().isTextual()) ok = false;
                else out.put(e.getKey(), e.getValue().asText());
            }
        }
        if (!ok) problem(locations.get("headers"), "'headers' must map header names to strings");
        return out;
    }

    private LatencyStats latency() {
        JsonNode v = values.get("latency");
        if (v == null || v.isNull()) return null;
        BigDecimal p50 = v.path("p50").isNumber() ? v.get("p50").decimalValue() : null;
        BigDecimal p95 = v.path("p95").isNumber() ? v.get("p95").decimalValue() : null;
        BigDecimal p99 = v.path("p99").isNumber() ? v.get("p99").decimalValue() : null;
        if (p50 == null || p95 == null || p99 == null || v.size() != 3) {
            problem(
                    locations.get("latency"),
                    "'latency' must be an object with numbers p50, p95 and p99 (milliseconds)");
            return null;
        }
        return new LatencyStats(p50, p95, p99);
    }
}

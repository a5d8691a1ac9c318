package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a probe's response looked like when the team last accepted it; stored as
 * {@code baselines/<probe>.json}. Immutable by contract: never modify {@link #schema()}.
 *
 * @param status the HTTP status all samples returned, or 0 when unknown (schema file without recording)
 * @param contentType the media type without parameters, or null when unknown
 * @param headers selected response headers; "*" when present in every sample with varying values
 * @param latency total-latency percentiles, or null when unknown
 * @param schemaFile the probe's hand-written schema file when it names one (the schema then comes from
 *     that file and {@link #schema()} is null), else null
 * @param schema the inferred JSON Schema, or null when the responses were not JSON or a file is used
 */
public record Baseline(
        String probe,
        String driftwatchVersion,
        Instant recordedAt,
        int sampleCount,
        int status,
        String contentType,
        SortedMap<String, String> headers,
        LatencyStats latency,
        String schemaFile,
        JsonNode schema) {

    public Baseline {
        headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers == null ? new TreeMap<>() : headers));
    }

    /** This baseline without latency statistics (recorded against a stand-in, not the vendor). */
    public Baseline withoutLatency() {
        return new Baseline(
                probe,
                driftwatchVersion,
                recordedAt,
                sampleCount,
                status,
                contentType,
                headers,
                null,
                schemaFile,
                schema);
    }

    public Baseline withSchema(String schemaFile, JsonNode schema) {
        return new Baseline(
                probe,
                driftwatchVersion,
                recordedAt,
                sampleCount,
                status,
                contentType,
                headers,
                latency,
                schemaFile,
                schema);
    }
}

package io.driftwatch.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema drift settings for a probe ({@code expect.schema}).
 *
 * @param baseline compare against {@code baselines/<probe-id>.json}
 * @param file a hand-written or vendor JSON Schema file instead of a learned baseline (relative to the
 *     probe file), or null
 * @param maxMissingRequired the run fails when more required fields than this are missing; -1 = any
 *     missing required field is reported at its own severity only
 * @param absentOptionalIsBreaking false for vendors (QuickBooks) that omit properties without a value
 * @param severities per drift kind (a label of {@link #DRIFT_KINDS}) its severity (one of {@link
 *     #SEVERITIES}), overriding the kind's default; in file order
 * @param ignore drift paths ({@code $.Invoice.MetaData}, {@code $.records[*].attributes}) never reported,
 *     nor anything below them
 * @param enums learn small stable string enums when recording, and report {@code enum-value-added}
 *     against them; false (the default) records none and ignores any a baseline holds
 */
public record SchemaExpectation(
        boolean baseline,
        String file,
        int maxMissingRequired,
        boolean absentOptionalIsBreaking,
        Map<String, String> severities,
        List<String> ignore,
        boolean enums) {

    /** The drift kinds a probe may give a severity; the same labels as the drift taxonomy (a test holds them together). */
    public static final List<String> DRIFT_KINDS = List.of(
            "field-removed",
            "required-field-missing",
            "type-changed",
            "became-nullable",
            "object-became-array",
            "array-became-object",
            "enum-value-added",
            "format-changed",
            "field-added",
            "status-changed",
            "content-type-changed",
            "schema-violation");

    public static final List<String> SEVERITIES = List.of("breaking", "warning", "info");

    public SchemaExpectation {
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities == null ? Map.of() : severities));
        ignore = List.copyOf(ignore == null ? List.of() : ignore);
    }

    /** Without severities, ignored paths or enums. */
    public SchemaExpectation(boolean baseline, String file, int maxMissingRequired, boolean absentOptionalIsBreaking) {
        this(baseline, file, maxMissingRequired, absentOptionalIsBreaking, Map.of(), List.of(), false);
    }
}

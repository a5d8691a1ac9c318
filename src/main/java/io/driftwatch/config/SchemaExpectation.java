package io.driftwatch.config;

/**
 * Schema drift settings for a probe (issue: baselines and drift).
 *
 * @param baseline compare against {@code baselines/<probe-id>.json}
 * @param file a hand-written or vendor JSON Schema file instead of a learned baseline (relative to the
 *     probe file), or null
 * @param maxMissingRequired the run fails when more required fields than this are missing; -1 = any
 *     missing required field is reported at its own severity only
 * @param absentOptionalIsBreaking false for vendors (QuickBooks) that omit properties without a value
 */
public record SchemaExpectation(
        boolean baseline, String file, int maxMissingRequired, boolean absentOptionalIsBreaking) {}

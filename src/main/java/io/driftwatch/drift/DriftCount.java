package io.driftwatch.drift;

/** One value of {@code driftwatch_drift_findings{probe,kind,severity}}: findings of the probe's latest run. */
public record DriftCount(String probe, String kind, String severity, int count) {}

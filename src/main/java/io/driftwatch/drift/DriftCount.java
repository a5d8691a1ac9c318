package io.driftwatch.drift;

/**
 * One value of {@code driftwatch_drift_findings{probe,kind,severity}}: the drift changes of the probe's
 * latest run with this kind and severity (kind {@code latency-drift}: 1 while the latency window drifts).
 */
public record DriftCount(String probe, String kind, String severity, int count) {}

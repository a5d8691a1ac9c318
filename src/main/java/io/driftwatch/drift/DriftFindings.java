package io.driftwatch.drift;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns tracked changes into findings of kind {@link FindingKind#SCHEMA_DRIFT}. The drift kind is in
 * the evidence under {@code drift}; evidence keys, in order: drift, severity, path, baseline,
 * observed, example (when there is one), count, total, firstSeen, runs, baselineFile.
 */
public final class DriftFindings {
    private DriftFindings() {}

    public static List<Finding> of(String check, List<TrackedChange> changes, String baselineFile) {
        return changes.stream().map(t -> of(check, t, baselineFile)).toList();
    }

    /**
     * The tracked change a stored finding of {@link #of} describes, or empty when it is not one (another
     * kind of finding, or evidence written by an older version without the keys needed).
     */
    public static Optional<TrackedChange> parse(Finding f) {
        if (!FindingKind.SCHEMA_DRIFT.equals(f.kind())) return Optional.empty();
        Map<String, String> e = f.evidence();
        DriftKind kind = DriftKind.fromLabel(e.get("drift"));
        Severity severity = Severity.fromLabel(e.get("severity"));
        if (kind == null || severity == null || e.get("path") == null) return Optional.empty();
        try {
            Instant firstSeen = Instant.parse(e.get("firstSeen"));
            int runs = Integer.parseInt(e.get("runs"));
            int count = Integer.parseInt(e.getOrDefault("count", "1"));
            int total = Integer.parseInt(e.getOrDefault("total", "1"));
            DriftChange c = new DriftChange(
                    kind,
                    severity,
                    e.get("path"),
                    e.get("baseline"),
                    e.get("observed"),
                    e.get("example"),
                    count,
                    total);
            return Optional.of(new TrackedChange(c, firstSeen, runs));
        } catch (RuntimeException bad) { // DateTimeParseException, NumberFormatException, null
            return Optional.empty();
        }
    }

    public static Finding of(String check, TrackedChange tracked, String baselineFile) {
        DriftChange c = tracked.change();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("drift", c.kind().label());
        evidence.put("severity", c.severity().label());
        evidence.put("path", c.path());
        evidence.put("baseline", c.baseline());
        evidence.put("observed", c.observed());
        if (c.example() != null) evidence.put("example", c.example());
        evidence.put("count", String.valueOf(c.count()));
        evidence.put("total", String.valueOf(c.total()));
        evidence.put("firstSeen", tracked.firstSeen().toString());
        evidence.put("runs", String.valueOf(tracked.runs()));
        evidence.put("baselineFile", baselineFile);
        return new Finding(check, FindingKind.SCHEMA_DRIFT, c.severity().level(), c.message(), evidence);
    }
}

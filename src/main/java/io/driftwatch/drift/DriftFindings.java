package io.driftwatch.drift;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTrackerTest {
    private static DriftChange change(DriftKind kind, String path) {
        return new DriftChange(kind, kind.defaultSeverity(), path, "number", "string", null, 1, 1);
    }

    @Test
    void streaksCountConsecutiveRunsAndResetWhenResolved() {
        DriftTracker tracker = new DriftTracker();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        DriftChange a = change(DriftKind.TYPE_CHANGED, "$.a");
        DriftChange b = change(DriftKind.FIELD_ADDED, "$.b");
        tracker.update("p", List.of(a), t0);
        List<TrackedChange> second = tracker.update("p", List.of(a, b), t0.plusSeconds(60));
        assertThat(second).containsExactly(new TrackedChange(a, t0, 2), new TrackedChange(b, t0.plusSeconds(60), 1));
        tracker.update("p", List.of(b), t0.plusSeconds(120));
        assertThat(tracker.update("p", List.of(a), t0.plusSeconds(180)))
                .containsExactly(new TrackedChange(a, t0.plusSeconds(180), 1));
        assertThat(tracker.update("other", List.of(a), t0)).containsExactly(new TrackedChange(a, t0, 1));
    }

    @Test
    void countsDropToZeroInsteadOfVanishing() {
        DriftTracker tracker = new DriftTracker();
        tracker.update(
                "p",
                List.of(change(DriftKind.FIELD_ADDED, "$.x"), change(DriftKind.FIELD_ADDED, "$.y")),
                Instant.EPOCH);
        assertThat(tracker.counts()).containsExactly(new DriftCount("p", "field-added", "info", 2));
        tracker.update("p", List.of(), Instant.EPOCH);
        assertThat(tracker.counts()).containsExactly(new DriftCount("p", "field-added", "info", 0));
        tracker.forget("p");
        assertThat(tracker.counts()).isEmpty();
    }

    @Test
    void aRestartContinuesStreaksFromTheLastStoredRunsFindings() {
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        DriftChange a = change(DriftKind.TYPE_CHANGED, "$.Invoice.TotalAmt");
        DriftChange b = change(DriftKind.FIELD_ADDED, "$.Invoice.X");
        DriftTracker before = new DriftTracker();
        before.update("p", List.of(a, b), t0);
        List<TrackedChange> stored = before.update("p", List.of(a, b), t0.plusSeconds(60));
        var findings = DriftFindings.of("schema-drift", stored, "baselines/p.json");
        var unrelated = io.driftwatch.finding.Finding.fail("assertion[0]", "assertion", "$.x is missing");

        DriftTracker after = new DriftTracker();
        List<TrackedChange> restored = new java.util.ArrayList<>();
        for (var f : findings) DriftFindings.parse(f).ifPresent(restored::add);
        assertThat(DriftFindings.parse(unrelated)).isEmpty();
        after.restore("p", restored);
        assertThat(after.counts())
                .containsExactly(
                        new DriftCount("p", "field-added", "info", 1),
                        new DriftCount("p", "type-changed", "breaking", 1));
        assertThat(after.update("p", List.of(a), t0.plusSeconds(120)))
                .containsExactly(new TrackedChange(a, t0, 3)); // the streak goes on
        assertThat(after.counts())
                .containsExactly(
                        new DriftCount("p", "field-added", "info", 0),
                        new DriftCount("p", "type-changed", "breaking", 1));
        after.restore("p", restored); // history exists now: restoring again changes nothing
        assertThat(after.update("p", List.of(a), t0.plusSeconds(180))).containsExactly(new TrackedChange(a, t0, 4));
    }
}

package io.driftwatch.drift;

import java.util.List;

/**
 * Everything one response changed against its baseline, worst first.
 *
 * @param missingRequired distinct required fields missing (the count {@code maxMissingRequired} limits)
 */
public record DriftReport(List<DriftChange> changes, int missingRequired) {
    public DriftReport {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The worst severity, or null when there is no change. */
    public Severity worst() {
        return changes.isEmpty() ? null : changes.get(0).severity();
    }
}

package io.driftwatch.reconcile;

import io.driftwatch.finding.FindingKind;

/**
 * Why money did not reconcile. {@link #label()} is the bounded {@code kind} label of
 * {@code driftwatch_reconcile_mismatches{check,kind}} and the {@code mismatch} evidence key of every
 * finding. Sides are named by role (source = before, target = after) so the label set stays fixed.
 */
public enum MismatchKind {
    /** Within one payload: sum - minus + plus differs from equals beyond the tolerance. */
    TOTALS("totals"),
    /** Across sides: the same key carries amounts that differ beyond the tolerance. */
    AMOUNT("amount"),
    /** Amounts in different currencies met (never summed or compared). */
    CURRENCY("currency"),
    ORPHAN_SOURCE("orphan-source"),
    ORPHAN_TARGET("orphan-target"),
    DUPLICATE_SOURCE("duplicate-source"),
    DUPLICATE_TARGET("duplicate-target"),
    /** A record whose key or amount is missing or not a number, so it could not be checked. */
    INVALID("invalid");

    private final String label;

    MismatchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The finding kind used for alerting. All map to {@link FindingKind#TOTALS} until FindingKind grows
     * reconcile-specific constants (proposed: reconcile-orphan, reconcile-duplicate); change it here only.
     */
    public String findingKind() {
        return FindingKind.TOTALS;
    }
}

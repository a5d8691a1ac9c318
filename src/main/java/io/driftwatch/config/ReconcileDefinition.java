package io.driftwatch.config;

import java.math.BigDecimal;

/**
 * What makes a probe a {@code kind: reconcile} probe: the records of {@code source} joined by key with
 * those of {@code target}, amounts compared within {@code tolerance} (docs/reconcile.md).
 *
 * @param tolerance the largest accepted |target - source| per matched key, inclusive; default 0.01
 */
public record ReconcileDefinition(ReconcileSide source, ReconcileSide target, BigDecimal tolerance) {

    public static final BigDecimal DEFAULT_TOLERANCE = TotalsRule.DEFAULT_TOLERANCE;

    public ReconcileDefinition {
        tolerance = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }
}

package io.driftwatch.reconcile;

import java.math.BigDecimal;

/** Tolerance and formatting rules shared by every money comparison. */
public final class Money {

    private Money() {}

    /**
     * True when {@code |delta| <= tolerance}, compared exactly: with tolerance 0.01 a delta of 0.01
     * passes and 0.011 fails; nothing is rounded first.
     */
    public static boolean within(BigDecimal delta, BigDecimal tolerance) {
        return delta.abs().compareTo(tolerance) <= 0;
    }

    /** Plain decimal text with the scale the payload used: {@code 145.80}, never {@code 1.458E+2}. */
    public static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** {@code delta 0.02 > 0.01} or {@code delta -0.02 < -0.01}: the breach, stated as an inequality. */
    public static String breach(BigDecimal delta, BigDecimal tolerance) {
        return delta.signum() < 0
                ? "delta " + plain(delta) + " < " + plain(tolerance.negate())
                : "delta " + plain(delta) + " > " + plain(tolerance);
    }

    /** Tolerances must be zero or more; null means the default 0.01. */
    public static BigDecimal tolerance(BigDecimal configured) {
        if (configured == null) return io.driftwatch.config.TotalsRule.DEFAULT_TOLERANCE;
        if (configured.signum() < 0) {
            throw new IllegalArgumentException("tolerance must not be negative, got " + plain(configured));
        }
        return configured;
    }
}

package io.driftwatch.reconcile;

import java.math.BigDecimal;

/**
 * One record's totals under one rule. Amount fields are null when the record could not be evaluated.
 *
 * @param key the record's key ({@code 1037}), or {@code #index} when it has none
 * @param currency the record's single currency, or null when the rule names no currency path
 * @param expected {@code sum - minus + plus}: what the stated total should be
 * @param actual the stated total ({@code equals}: a path such as {@code $.TotalAmt}, or a constant)
 * @param delta {@code actual - expected}
 * @param problem why the record could not be evaluated (status INVALID or MIXED_CURRENCY), else null
 */
public record RecordTotal(
        int index,
        String key,
        String currency,
        BigDecimal sum,
        BigDecimal minus,
        BigDecimal plus,
        BigDecimal expected,
        BigDecimal actual,
        BigDecimal delta,
        Status status,
        String problem) {

    public enum Status {
        OK,
        /** |delta| is beyond the tolerance. */
        OFF,
        /** A value is missing or not a number. */
        INVALID,
        /** The record's amounts are in more than one currency; nothing was summed. */
        MIXED_CURRENCY
    }

    static RecordTotal unusable(int index, String key, String currency, Status status, String problem) {
        return new RecordTotal(index, key, currency, null, null, null, null, null, null, status, problem);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}

package io.driftwatch.reconcile;

import java.math.BigDecimal;

/**
 * One record of one side, reduced to what reconciliation compares.
 *
 * @param index position in the side's record list (0-based), for records without a key
 * @param key the join key, or null when the record has none (reported as invalid, never joined)
 * @param currency the record's currency, or null when the side names no currency path or it is absent
 * @param amount the record's amount, or null when missing or unreadable ({@code problem} says why)
 */
public record KeyedAmount(int index, String key, String currency, BigDecimal amount, String problem) {

    public boolean usable() {
        return key != null && amount != null;
    }

    /** {@code OPP-1037}, or {@code record #4} when the record has no key. */
    public String name() {
        return key != null ? key : "record #" + index;
    }
}

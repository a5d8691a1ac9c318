package io.driftwatch.config;

import java.math.BigDecimal;

/**
 * A money reconciliation within one payload: {@code sum - minus + plus == equals} within tolerance.
 *
 * @param records optional JSONPath selecting many records (one invoice each); null = the whole payload
 * @param key optional JSONPath (relative to a record) naming each record in findings
 * @param equals a JSONPath, or a decimal constant
 * @param currency optional JSONPath to the record's currency; records are grouped by it
 */
public record TotalsRule(
        String name,
        String records,
        String key,
        String sum,
        String minus,
        String plus,
        String equals,
        BigDecimal tolerance,
        String currency) {
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.01");
}

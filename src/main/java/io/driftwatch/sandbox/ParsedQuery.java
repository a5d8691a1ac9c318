package io.driftwatch.sandbox;

import java.util.List;

/**
 * A parsed {@code SELECT}, in either dialect.
 *
 * @param fields selected fields as written ({@code *} for QuickBooks' select-all)
 * @param count {@code count(*)} (QuickBooks) or {@code COUNT()} (SOQL)
 * @param where OR of ANDs (QuickBooks allows only AND, so one group there); empty means every record
 * @param orderBy field to sort by, or null
 * @param offset records to skip (QuickBooks STARTPOSITION minus one, SOQL OFFSET)
 * @param limit most records to return (QuickBooks MAXRESULTS, SOQL LIMIT), or null
 */
record ParsedQuery(
        List<String> fields,
        boolean count,
        String entity,
        List<List<Condition>> where,
        String orderBy,
        boolean descending,
        int offset,
        Integer limit) {

    /**
     * One comparison. {@code values} holds one literal (two or more for IN); a literal is a String, a
     * java.math.BigDecimal, a Boolean, or {@link #NULL}.
     */
    record Condition(String field, String op, List<Object> values) {}

    /** The SOQL/QuickBooks {@code null} literal. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
}

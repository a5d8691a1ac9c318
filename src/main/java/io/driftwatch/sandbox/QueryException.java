package io.driftwatch.sandbox;

/** A QuickBooks query or SOQL statement the sandbox cannot run; the message says why. */
final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** True when the statement parsed but names something unknown (entity or field), not a syntax error. */
    private final boolean unknownName;

    QueryException(String message, boolean unknownName) {
        super(message);
        this.unknownName = unknownName;
    }

    boolean unknownName() {
        return unknownName;
    }
}

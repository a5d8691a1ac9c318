package io.driftwatch.finding;

/**
 * The bounded set of finding kinds (used as metric labels and alert keys). Transport and response
 * failures come first, then check kinds. Later capabilities add their kinds here so the set stays
 * closed and documented.
 */
public final class FindingKind {
    private FindingKind() {}

    // Failures classified from the exchange itself.
    public static final String CONNECTION_REFUSED = "connection-refused";
    public static final String DNS = "dns";
    public static final String TIMEOUT = "timeout";
    public static final String TLS = "tls";
    public static final String CONNECTION_RESET = "connection-reset";
    public static final String HTTP_STATUS = "http-status";
    public static final String BODY_TOO_LARGE = "body-too-large";
    public static final String INVALID_JSON = "invalid-json";

    // Checks.
    public static final String LATENCY = "latency";
    public static final String ASSERTION = "assertion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CERTIFICATE = "certificate";
    public static final String SCHEMA_DRIFT = "schema-drift";
    public static final String LATENCY_DRIFT = "latency-drift";
    public static final String TOTALS = "totals";
    public static final String AUTH = "auth";
    public static final String QUOTA = "quota";
    public static final String VENDOR_ERROR = "vendor-error";
    public static final String CONFIG = "config";
    public static final String INTERNAL = "internal";
}

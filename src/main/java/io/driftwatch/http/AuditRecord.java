package io.driftwatch.http;

import java.time.Instant;

/**
 * One line of the audit trail: one probe run (all its attempts). Every text field is already redacted.
 *
 * @param time when the run started (injected clock)
 * @param url the final request URL, redacted
 * @param status last HTTP status, 0 when no response arrived
 * @param ms the last attempt's duration in milliseconds (see {@link Exchange#totalNanos()})
 * @param bytes response body bytes received in the last attempt
 * @param attempts sends made (0 when auth failed before sending)
 * @param requestId the vendor's request id, or null
 * @param outcome {@code ok}, {@code http-status} for a 4xx/5xx response, or the failure kind
 * @param body on failure with body capture on: the first 4 KB of the body, redacted; else null
 */
public record AuditRecord(
        Instant time,
        String probe,
        String method,
        String url,
        int status,
        double ms,
        long bytes,
        int attempts,
        String requestId,
        String outcome,
        String body) {

    public static final String OK = "ok";
}

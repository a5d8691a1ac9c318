package io.driftwatch.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened on the wire for one probe run (all attempts). Immutable; the body is capped at the
 * probe's limit and is empty when the cap was hit.
 *
 * @param url the final request URL with secrets redacted (safe to log)
 * @param status the last HTTP status, or 0 when no response arrived
 * @param headers response headers, lower-case names
 * @param body the response body, or an empty array when none or too large
 * @param bodyBytes bytes received (counts past the cap until the read stopped)
 * @param timeToHeadersNanos monotonic time from sending the last attempt to its response headers
 * @param totalNanos monotonic time of the last attempt, from sending it to its last body byte (summed
 *     over pages when a probe paginates); earlier attempts and retry backoff are left out, so latency
 *     checks measure the API, not driftwatch's retry waits
 * @param attempts how many attempts were made
 * @param failure why no usable response arrived, or null
 * @param certificateDaysLeft days until the server's leaf certificate expires (HTTPS only), or null
 * @param vendorRequestId the vendor's request id header (intuit_tid, Sforce-Limit-Info...) when present
 */
public record Exchange(
        Instant startedAt,
        String method,
        String url,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        long bodyBytes,
        long timeToHeadersNanos,
        long totalNanos,
        int attempts,
        TransportFailure failure,
        Integer certificateDaysLeft,
        String vendorRequestId) {

    public Exchange {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (name compared case-insensitively), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * This exchange without its payload: an empty body ({@link #bodyBytes()} unchanged) and no response
     * headers. What is left (status, timings, sizes, failure, request id) is what a result kept for a
     * whole interval needs; dropping the rest keeps such results small.
     */
    public Exchange withoutPayload() {
        return new Exchange(
                startedAt,
                method,
                url,
                status,
                Map.of(),
                new byte[0],
                bodyBytes,
                timeToHeadersNanos,
                totalNanos,
                attempts,
                failure,
                certificateDaysLeft,
                vendorRequestId);
    }

    public boolean responded() {
        return failure == null || failure.kind().equals(io.driftwatch.finding.FindingKind.BODY_TOO_LARGE);
    }

    public double totalSeconds() {
        return totalNanos / 1e9;
    }

    public long totalMillis() {
        return totalNanos / 1_000_000;
    }
}

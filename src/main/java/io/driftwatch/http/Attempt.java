package io.driftwatch.http;

import java.util.List;
import java.util.Map;

/**
 * One send on the wire, before redaction.
 *
 * @param status 0 when no response headers arrived
 * @param headers response headers with lower-case names
 * @param headersNanos from send to response headers, 0 when none arrived
 * @param totalNanos from send to the last body byte (or to the failure)
 */
@SuppressWarnings("ArrayRecordComponent") // internal value, never compared or hashed
record Attempt(
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        long bodyBytes,
        long headersNanos,
        long totalNanos,
        TransportFailure failure,
        Integer certificateDaysLeft) {

    static Attempt failed(TransportFailure failure) {
        return new Attempt(0, Map.of(), new byte[0], 0, 0, 0, failure, null);
    }

    Attempt withFailure(TransportFailure f) {
        return new Attempt(status, headers, body, bodyBytes, headersNanos, totalNanos, f, certificateDaysLeft);
    }

    String header(String lowerCaseName) {
        List<String> v = headers.get(lowerCaseName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}

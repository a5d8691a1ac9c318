package io.driftwatch.config;

import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request, relative to its connection's base URL. Maps keep file order.
 *
 * @param path path (and optionally an absolute URL) after environment substitution
 * @param timeout the deadline for the whole run, retries included
 * @param maxBodyBytes responses larger than this fail as "body too large" (default 5 MB)
 * @param captureBodyOnFailure keep a size-capped, redacted copy of the body when the run fails
 */
public record RequestSpec(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        Duration timeout,
        RetrySpec retry,
        long maxBodyBytes,
        boolean captureBodyOnFailure) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    public RequestSpec {
        query = Map.copyOf(query == null ? Map.of() : query);
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }
}

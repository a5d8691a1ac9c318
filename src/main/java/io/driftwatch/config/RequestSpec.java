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
 * @param paginate follow next pages within one run, or null (one request)
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
        boolean captureBodyOnFailure,
        Paginate paginate) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    public RequestSpec {
        query = Map.copyOf(query == null ? Map.of() : query);
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    /** A request without pagination. */
    public RequestSpec(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            Duration timeout,
            RetrySpec retry,
            long maxBodyBytes,
            boolean captureBodyOnFailure) {
        this(method, path, query, headers, body, timeout, retry, maxBodyBytes, captureBodyOnFailure, null);
    }

    /**
     * {@code request.paginate}: the run follows next pages (Link rel="next", Salesforce nextRecordsUrl,
     * QuickBooks STARTPOSITION) and checks see the pages merged; see {@code vendor.PagedExchange}.
     *
     * @param maxPages pages fetched at most, the first included
     */
    public record Paginate(int maxPages) {
        public static final int DEFAULT_MAX_PAGES = 10;
    }
}

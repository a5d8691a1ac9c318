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
        // Insertion order is kept: the query string and headers go out in the order the file gives them.
        query = OrderedMaps.copy(query);
        headers = OrderedMaps.copy(headers);
    }

    /**
     * Names only: header, query and body values may hold substituted secrets, and a record's default
     * toString would print them wherever a spec is logged.
     */
    @Override
    public String toString() {
        return "RequestSpec[" + method + " " + path + ", query=" + query.keySet() + ", headers=" + headers.keySet()
                + ", body=" + (body == null ? "none" : body.length() + " chars") + ", timeout=" + timeout
                + ", paginate=" + paginate + "]";
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

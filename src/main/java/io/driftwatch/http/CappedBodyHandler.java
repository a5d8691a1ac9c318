package io.driftwatch.http;

import java.net.http.HttpResponse;

/**
 * Creates the {@link CappedBodySubscriber} for one attempt and remembers when the response headers
 * arrived ({@link #apply} is called as soon as they are parsed), plus the status and headers, so a
 * failure while reading the body still reports what was received. One instance per attempt.
 */
final class CappedBodyHandler implements HttpResponse.BodyHandler<BodyResult> {
    private final long cap;
    private final boolean headRequest;
    private volatile long headersAtNanos;
    private volatile HttpResponse.ResponseInfo info;
    private volatile CappedBodySubscriber subscriber;
    private volatile boolean expired;

    CappedBodyHandler(long cap, boolean headRequest) {
        this.cap = cap;
        this.headRequest = headRequest;
    }

    @Override
    public HttpResponse.BodySubscriber<BodyResult> apply(HttpResponse.ResponseInfo responseInfo) {
        headersAtNanos = System.nanoTime();
        info = responseInfo;
        int status = responseInfo.statusCode();
        boolean bodyless = headRequest || status == 204 || status == 304;
        long declared = bodyless
                ? -1
                : responseInfo.headers().firstValueAsLong("content-length").orElse(-1);
        CappedBodySubscriber s = new CappedBodySubscriber(cap, declared);
        subscriber = s;
        if (expired) s.expire(); // the deadline passed while the headers were being parsed
        return s;
    }

    /** Response status and headers, or null when the headers never arrived. */
    HttpResponse.ResponseInfo info() {
        return info;
    }

    /** {@link System#nanoTime()} when the headers arrived; meaningful only when {@link #info()} is set. */
    long headersAtNanos() {
        return headersAtNanos;
    }

    long bytesSeen() {
        CappedBodySubscriber s = subscriber;
        return s == null ? 0 : s.bytesSeen();
    }

    /** Stops reading the body, if it is being read. */
    void cancel() {
        CappedBodySubscriber s = subscriber;
        if (s != null) s.cancel();
    }

    /**
     * The run's deadline passed: a body being read fails at once, and one whose headers arrive later fails
     * as soon as they do. A wait for the headers is ended by {@link AttemptExpiry}.
     */
    void expire() {
        expired = true;
        CappedBodySubscriber s = subscriber;
        if (s != null) s.expire();
    }

    /** Whether {@link #expire()} was called. */
    boolean expired() {
        return expired;
    }
}

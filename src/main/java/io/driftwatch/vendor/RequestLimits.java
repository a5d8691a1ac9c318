package io.driftwatch.vendor;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.ExecutionOptions;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.http.Sleeper;
import io.driftwatch.http.TransportFailure;
import io.driftwatch.vendor.quickbooks.QuickBooksThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client-side request limits per vendor account, shared by every connection to it. Today: QuickBooks,
 * per company (realm, read from the {@code /v3/company/{realm}/} path): connection settings {@code
 * requestsPerMinute} (default 500), {@code maxConcurrentPerRealm} (default 10) and {@code
 * maxQueueSeconds} (default 120: how long a run waits for room before failing with a {@code quota}
 * finding) and {@code throttlePauseSeconds} (default 60). Once a run to a company comes back throttled
 * (HTTP 429 or fault 3001 ThrottleExceeded), every run to that company that has not started yet waits
 * until the pause ends ({@code Retry-After} when the response has one, else {@code
 * throttlePauseSeconds}: Intuit's limit is per minute and it documents no Retry-After) instead of
 * collecting its own 429; a run whose queue time ends first fails at once with a {@code quota} finding.
 * Runs already in flight are not recalled. Other vendors pass straight through.
 *
 * <p>Wiring: wrap the executor call, e.g. {@code limits.run(connection, request, options, () ->
 * executor.execute(request, options, auth))}.
 */
public final class RequestLimits {
    public static final int QBO_REQUESTS_PER_MINUTE = 500;
    public static final int QBO_MAX_CONCURRENT = 10;
    public static final int DEFAULT_MAX_QUEUE_SECONDS = 120;
    public static final int DEFAULT_THROTTLE_PAUSE_SECONDS = 60;
    private static final Pattern REALM = Pattern.compile("/v3/company/([^/?]+)");

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, RequestLimiter> limiters = new ConcurrentHashMap<>();

    public RequestLimits(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Exchange run(
            ConnectionDefinition connection,
            OutgoingRequest request,
            ExecutionOptions options,
            Supplier<Exchange> send) {
        if (!"quickbooks".equals(connection.vendor())) return send.get();
        Map<String, String> s = connection.settings();
        int perMinute = positive(s.get("requestsPerMinute"), QBO_REQUESTS_PER_MINUTE);
        int concurrent = positive(s.get("maxConcurrentPerRealm"), QBO_MAX_CONCURRENT);
        int maxQueue = positive(s.get("maxQueueSeconds"), DEFAULT_MAX_QUEUE_SECONDS);
        Matcher m = REALM.matcher(
                request.uri().getRawPath() == null ? "" : request.uri().getRawPath());
        String realm = m.find() ? m.group(1) : "connection " + connection.id();
        RequestLimiter limiter = limiters.computeIfAbsent(
                "quickbooks|" + realm + "|" + perMinute + "|" + concurrent,
                k -> new RequestLimiter(perMinute, concurrent, clock, sleeper));
        RequestLimiter.Permit permit;
        try {
            permit = limiter.acquire(options.retry().maxAttempts() + 1, Duration.ofSeconds(maxQueue));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(request, "interrupted while waiting for a QuickBooks request slot");
        }
        if (permit == null && limiter.pausedUntil() != null) {
            return refused(
                    request,
                    "QuickBooks throttled company " + realm + ": requests paused until " + limiter.pausedUntil()
                            + ", beyond this run's " + maxQueue + " s queue time");
        }
        if (permit == null) {
            return refused(
                    request,
                    "QuickBooks client-side limit for company " + realm + ": no request slot within " + maxQueue
                            + " s (" + perMinute + " requests/min, " + concurrent + " at once)");
        }
        int sent = 0;
        try {
            Exchange e = send.get();
            sent = e.attempts();
            if (QuickBooksThrottle.throttled(e)) {
                Duration retryAfter = QuickBooksThrottle.retryAfter(e);
                Duration pause = retryAfter != null
                        ? retryAfter
                        : Duration.ofSeconds(positive(s.get("throttlePauseSeconds"), DEFAULT_THROTTLE_PAUSE_SECONDS));
                limiter.pause(clock.instant().plus(pause));
            }
            return e;
        } catch (RuntimeException e) {
            sent = options.retry().maxAttempts() + 1; // unknown: count the worst case
            throw e;
        } finally {
            permit.release(sent);
        }
    }

    private Exchange refused(OutgoingRequest request, String message) {
        return new Exchange(
                clock.instant(),
                request.method(),
                request.uri().getScheme() + "://" + request.uri().getRawAuthority()
                        + request.uri().getRawPath(),
                0,
                Map.of(),
                new byte[0],
                0,
                0,
                0,
                0,
                new TransportFailure(FindingKind.QUOTA, message),
                null,
                null);
    }

    private static int positive(String v, int fallback) {
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** For tests and status output: the limiters in use, by key. */
    List<String> keys() {
        return List.copyOf(limiters.keySet());
    }
}

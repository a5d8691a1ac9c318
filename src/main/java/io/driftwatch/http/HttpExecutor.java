package io.driftwatch.http;

import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Executes one probe run: applies auth, sends, retries, times, caps, classifies, redacts and audits.
 * Blocking; call it on a virtual thread. Thread-safe and meant to be shared by every probe.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Never throws for network or auth problems: they come back as {@link Exchange#failure()}.
 *   <li>{@link ExecutionOptions#deadline()} bounds the whole run: every attempt's request timeout is the
 *       time left, and a backoff or {@code Retry-After} that would end past the deadline is not waited
 *       for (the last response, e.g. the 429, is returned instead).
 *   <li>Retried: connection refused or reset, timeouts that leave time, 429 and 5xx; never DNS or TLS
 *       failures, other statuses or an oversized body. Waits are exponential backoff with full jitter, or
 *       exactly what the server's {@code Retry-After} asks.
 *   <li>A 401 calls {@link AuthProvider#onUnauthorized} once; when it returns true the request is
 *       re-authorized and sent once more, outside the retry budget. A second 401 is returned as is.
 *   <li>{@link Exchange#timeToHeadersNanos()} and {@link Exchange#totalNanos()} describe the last
 *       attempt only, so latency checks measure the vendor, not our backoff; {@link Exchange#attempts()}
 *       counts every send.
 *   <li>One audit record per run.
 * </ul>
 */
public final class HttpExecutor {
    private final HttpClientSource clients;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RedactorHolder redactors;
    private final AuditLog audit;
    private final RandomGenerator random;
    private final AttemptSender sender;

    /**
     * @param random jitter source, used from many threads (e.g. {@code ThreadLocalRandom.current()})
     */
    public HttpExecutor(
            HttpClientSource clients,
            Clock clock,
            Sleeper sleeper,
            RedactorHolder redactors,
            AuditLog audit,
            RandomGenerator random) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.redactors = Objects.requireNonNull(redactors, "redactors");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.random = Objects.requireNonNull(random, "random");
        this.sender = new AttemptSender(clock);
    }

    /** Shared-connection mode with one long-lived client. */
    public HttpExecutor(
            HttpClient client,
            Clock clock,
            Sleeper sleeper,
            RedactorHolder redactors,
            AuditLog audit,
            RandomGenerator random) {
        this(HttpClientSource.shared(client), clock, sleeper, redactors, audit, random);
    }

    public Exchange execute(OutgoingRequest request, ExecutionOptions options, AuthProvider auth) {
        Redactor redactor = redactors.get();
        Instant startedAt = clock.instant();
        long deadlineNanos = System.nanoTime() + options.deadline().toNanos();
        var run = new RunRecorder(startedAt, request, options, redactor);
        OutgoingRequest authorized;
        try {
            authorized = auth.authorize(request);
        } catch (AuthException e) {
            return run.finish(request, Attempt.failed(authFailure(e, redactor)), 0, audit);
        } catch (RuntimeException e) {
            return run.finish(request, Attempt.failed(providerCrashed(e)), 0, audit);
        }
        HttpClient client = clients.acquire();
        try {
            return loop(client, request, authorized, options, auth, run, deadlineNanos);
        } finally {
            clients.release(client);
        }
    }

    private Exchange loop(
            HttpClient client,
            OutgoingRequest request,
            OutgoingRequest authorized,
            ExecutionOptions options,
            AuthProvider auth,
            RunRecorder run,
            long deadlineNanos) {
        RetrySpec retry = options.retry();
        Redactor redactor = run.redactor();
        int sends = 0;
        int counted = 0;
        boolean authRetried = false;
        Attempt last;
        while (true) {
            last = sender.send(client, authorized, deadlineNanos, options.deadline(), options.maxBodyBytes(), redactor);
            sends++;
            counted++;
            if (last.status() == 401 && last.failure() == null && !authRetried) {
                authRetried = true;
                if (!askForFreshCredentials(auth, run.exchange(authorized, last, sends))) break;
                try {
                    authorized = auth.authorize(request);
                } catch (AuthException e) {
                    last = last.withFailure(authFailure(e, redactor));
                    break;
                } catch (RuntimeException e) {
                    last = last.withFailure(providerCrashed(e));
                    break;
                }
                counted--; // the auth retry is not part of the retry budget
                continue;
            }
            if (counted >= retry.maxAttempts() || !retryable(last)) break;
            Duration delay = delayBeforeNext(last, counted, retry, deadlineNanos);
            if (delay == null) break;
            if (!delay.isZero() && !sleep(delay)) break;
        }
        return run.finish(authorized, last, sends, audit);
    }

    private static boolean askForFreshCredentials(AuthProvider auth, Exchange rejected) {
        try {
            return auth.onUnauthorized(rejected);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The wait before the next attempt, or null when it would end at or past the deadline. */
    private Duration delayBeforeNext(Attempt last, int counted, RetrySpec retry, long deadlineNanos) {
        Duration retryAfter =
                last.failure() == null ? RetryTiming.retryAfter(last.header("retry-after"), clock.instant()) : null;
        Duration delay = retryAfter != null ? retryAfter : RetryTiming.backoff(retry, counted, random);
        long remaining = deadlineNanos - System.nanoTime();
        return delay.toNanos() >= remaining ? null : delay;
    }

    private boolean sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean retryable(Attempt a) {
        if (a.failure() != null) {
            return switch (a.failure().kind()) {
                case FindingKind.CONNECTION_REFUSED, FindingKind.CONNECTION_RESET, FindingKind.TIMEOUT -> true;
                default -> false;
            };
        }
        return a.status() == 429 || (a.status() >= 500 && a.status() <= 599);
    }

    private static TransportFailure authFailure(AuthException e, Redactor redactor) {
        return new TransportFailure(FindingKind.AUTH, redactor.redact(e.getMessage()));
    }

    private static TransportFailure providerCrashed(RuntimeException e) {
        return new TransportFailure(
                FindingKind.AUTH, "auth provider failed: " + e.getClass().getName());
    }
}

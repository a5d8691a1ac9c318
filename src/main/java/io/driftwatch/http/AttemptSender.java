package io.driftwatch.http;

import io.driftwatch.finding.FindingKind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Sends one request and reads its capped body within the time left before the run's deadline, timing it
 * on the monotonic clock. Never throws for network problems: they come back as {@link Attempt#failure()}.
 *
 * <p>The calling (virtual) thread waits in {@code HttpClient.send}, untimed; {@link BodyDeadlines} ends
 * the attempt at the run's deadline ({@link AttemptExpiry}: a body still being read fails, a wait for the
 * headers is interrupted, which cancels the exchange). The request carries no timeout of its own: the
 * client registers such a timeout with its selector thread and wakes that thread to do so, one more
 * thread wake-up per run, which cost about a fifth of the daemon's CPU at 500 runs/s (docs/BENCHMARKS.md,
 * round 6).
 */
final class AttemptSender {
    private final Clock clock;
    private final BodyDeadlines deadlines = BodyDeadlines.shared();

    AttemptSender(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} value at which the run's deadline passes
     * @param deadline the run's whole deadline, for messages
     */
    Attempt send(
            HttpClient client,
            OutgoingRequest request,
            long deadlineNanos,
            Duration deadline,
            long maxBodyBytes,
            Redactor redactor) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) return Attempt.failed(FailureClassifier.deadlinePassed(false, 0, deadline));
        HttpRequest httpRequest;
        try {
            httpRequest = build(request);
        } catch (IllegalArgumentException e) {
            return Attempt.failed(
                    new TransportFailure(FindingKind.CONFIG, "invalid request: " + redactor.redact(e.getMessage())));
        }
        var handler = new CappedBodyHandler(maxBodyBytes, "HEAD".equalsIgnoreCase(request.method()));
        var expiry = new AttemptExpiry(handler);
        BodyDeadlines.Watch watch = deadlines.watch(deadlineNanos, expiry::expire);
        long start = System.nanoTime();
        try {
            return completed(client.send(httpRequest, handler), handler, start, maxBodyBytes);
        } catch (InterruptedException e) {
            if (expiry.interrupted()) {
                // send() has cancelled the exchange; close() below clears the interrupt
                return partial(
                        handler,
                        start,
                        FailureClassifier.deadlinePassed(headersArrived(handler), handler.bytesSeen(), deadline));
            }
            handler.cancel(); // send() has cancelled the exchange
            Thread.currentThread().interrupt();
            return partial(
                    handler,
                    start,
                    new TransportFailure(FindingKind.INTERNAL, "interrupted while waiting for the response"));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            // send() rethrows the client's failure as a copy of its type with the original as cause
            TransportFailure f = handler.expired()
                    ? FailureClassifier.deadlinePassed(headersArrived(handler), handler.bytesSeen(), deadline)
                    : FailureClassifier.classify(
                            e, request.uri(), headersArrived(handler), handler.bytesSeen(), deadline, redactor);
            return partial(handler, start, f);
        } finally {
            deadlines.done(watch);
            expiry.close();
        }
    }

    private Attempt completed(HttpResponse<BodyResult> response, CappedBodyHandler handler, long start, long cap) {
        BodyResult body = response.body();
        TransportFailure failure = body.tooLarge() ? FailureClassifier.bodyTooLarge(body, cap) : null;
        return new Attempt(
                response.statusCode(),
                lowerCase(response.headers()),
                body.body(),
                body.bytesSeen(),
                handler.headersAtNanos() - start,
                body.completedAtNanos() - start,
                failure,
                response.sslSession().map(this::certificateDaysLeft).orElse(null));
    }

    /** A failed attempt, keeping status, headers and byte count when the headers had arrived. */
    private static Attempt partial(CappedBodyHandler handler, long start, TransportFailure failure) {
        long end = System.nanoTime();
        HttpResponse.ResponseInfo info = handler.info();
        if (info == null) return new Attempt(0, Map.of(), new byte[0], 0, 0, end - start, failure, null);
        return new Attempt(
                info.statusCode(),
                lowerCase(info.headers()),
                new byte[0],
                handler.bytesSeen(),
                handler.headersAtNanos() - start,
                end - start,
                failure,
                null);
    }

    private static boolean headersArrived(CappedBodyHandler handler) {
        return handler.info() != null;
    }

    private static HttpRequest build(OutgoingRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri());
        if (request.body().length > 0) {
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            // the dedicated builders send no "Content-Length: 0" on body-less methods (RFC 9110 §8.6)
            switch (request.method()) {
                case "GET" -> b.GET();
                case "HEAD" -> b.HEAD();
                case "DELETE" -> b.DELETE();
                default -> b.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
        }
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return b.build();
    }

    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        var out = new LinkedHashMap<String, List<String>>();
        headers.map().forEach((name, values) -> {
            if (name.startsWith(":")) return; // HTTP/2 pseudo-headers
            out.merge(name.toLowerCase(Locale.ROOT), values, (a, b) -> {
                var merged = new java.util.ArrayList<>(a);
                merged.addAll(b);
                return List.copyOf(merged);
            });
        });
        return out;
    }

    /** Whole days until the leaf certificate's notAfter, on the injected clock; null when unavailable. */
    private Integer certificateDaysLeft(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                return Math.toIntExact(
                        Duration.between(clock.instant(), leaf.getNotAfter().toInstant())
                                .toDays());
            }
        } catch (SSLPeerUnverifiedException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}

package io.driftwatch.http;

import io.driftwatch.finding.FindingKind;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Turns the attempts of one run into its redacted {@link Exchange} and its audit record. */
final class RunRecorder {
    private final Instant startedAt;
    private final OutgoingRequest original;
    private final ExecutionOptions options;
    private final Redactor redactor;

    RunRecorder(Instant startedAt, OutgoingRequest original, ExecutionOptions options, Redactor redactor) {
        this.startedAt = startedAt;
        this.original = original;
        this.options = options;
        this.redactor = redactor;
    }

    Redactor redactor() {
        return redactor;
    }

    /** The exchange as seen after {@code sends} sends of {@code sent}, the request as authorized. */
    Exchange exchange(OutgoingRequest sent, Attempt a, int sends) {
        var headers = redactor.redactHeaders(a.headers());
        String requestId = null;
        if (options.requestIdHeader() != null) {
            List<String> v = headers.get(options.requestIdHeader());
            requestId = v == null || v.isEmpty() ? null : v.get(0);
        }
        return new Exchange(
                startedAt,
                sent.method(),
                url(sent),
                a.status(),
                headers,
                a.body(),
                a.bodyBytes(),
                a.headersNanos(),
                a.totalNanos(),
                sends,
                a.failure(),
                a.certificateDaysLeft(),
                requestId);
    }

    /** Builds the final exchange and writes its audit record. */
    Exchange finish(OutgoingRequest sent, Attempt a, int sends, AuditLog audit) {
        Exchange e = exchange(sent, a, sends);
        String outcome = outcome(e);
        String body = options.captureBodyOnFailure() && !AuditRecord.OK.equals(outcome)
                ? BodyCapture.capture(e.body(), redactor, authAddedValues(sent))
                : null;
        try {
            audit.record(new AuditRecord(
                    e.startedAt(),
                    options.probeId(),
                    e.method(),
                    e.url(),
                    e.status(),
                    e.totalNanos() / 1_000_000.0,
                    e.bodyBytes(),
                    e.attempts(),
                    e.vendorRequestId(),
                    outcome,
                    body));
        } catch (RuntimeException ignored) {
            // the audit sink reports its own problems; a probe run never fails because of it
        }
        return e;
    }

    static String outcome(Exchange e) {
        if (e.failure() != null) return e.failure().kind();
        return e.status() >= 400 ? FindingKind.HTTP_STATUS : AuditRecord.OK;
    }

    private String url(OutgoingRequest sent) {
        String url = redactor.redactUrl(sent.uri());
        if (Objects.equals(sent.uri(), original.uri())) return url;
        // values the auth provider put in the query (usually already masked by name or value)
        for (String v : addedQueryValues(original.uri(), sent.uri())) {
            if (url.contains(v)) url = url.replace(v, Redactor.MASK);
        }
        return url;
    }

    /**
     * Values the auth provider added to the request (header values, the credential after "Bearer "
     * or "Basic ", query values): runtime secrets such as access tokens that the configured redactor
     * cannot know.
     */
    private List<String> authAddedValues(OutgoingRequest sent) {
        var out = new ArrayList<String>();
        sent.headers().forEach((name, values) -> {
            if (values.equals(original.headers().get(name))) return;
            for (String v : values) {
                out.add(v);
                int space = v.indexOf(' ');
                if (space > 0 && space < v.length() - 1)
                    out.add(v.substring(space + 1).trim());
            }
        });
        out.addAll(addedQueryValues(original.uri(), sent.uri()));
        return out;
    }

    private static List<String> addedQueryValues(URI before, URI after) {
        if (after.getRawQuery() == null || Objects.equals(before.getRawQuery(), after.getRawQuery())) {
            return List.of();
        }
        var known = new HashSet<String>();
        if (before.getRawQuery() != null)
            known.addAll(Arrays.asList(before.getRawQuery().split("&")));
        var out = new ArrayList<String>();
        for (String pair : after.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (known.contains(pair) || eq < 0 || eq == pair.length() - 1) continue;
            String raw = pair.substring(eq + 1);
            out.add(raw);
            try {
                out.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // the raw form is masked already
            }
        }
        return out;
    }
}

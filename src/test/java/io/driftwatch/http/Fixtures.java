package io.driftwatch.http;

import io.driftwatch.config.RetrySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;

/** Shared builders for http tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {}

    static HttpExecutor executor(RecordingSleeper sleeper, AuditLog audit) {
        return executor(HttpClients.shared(), CLOCK, sleeper, Redactor.empty(), audit);
    }

    static HttpExecutor executor(
            HttpClient client, Clock clock, RecordingSleeper sleeper, Redactor redactor, AuditLog audit) {
        return new HttpExecutor(client, clock, sleeper, RedactorHolder.of(redactor), audit, new SplittableRandom(7));
    }

    static OutgoingRequest get(URI uri) {
        return new OutgoingRequest("GET", uri, Map.of(), null);
    }

    static ExecutionOptions options(Duration deadline, RetrySpec retry) {
        return new ExecutionOptions("test-probe", deadline, retry, 5L * 1024 * 1024, false, null);
    }

    /** Generous: the first TLS handshake in a cold JVM on a loaded 2-core machine takes seconds. */
    static final Duration SLOW_MACHINE = Duration.ofSeconds(30);

    static ExecutionOptions options(RetrySpec retry) {
        return options(SLOW_MACHINE, retry);
    }
}

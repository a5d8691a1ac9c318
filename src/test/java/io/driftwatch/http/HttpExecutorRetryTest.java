package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class HttpExecutorRetryTest {
    private static final RetrySpec THREE = new RetrySpec(3, Duration.ofMillis(200), Duration.ofSeconds(5));

    private TestServer server;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serverErrorsAreRetriedUntilAttemptsRunOut() {
        server.on("/boom", ex -> TestServer.respond(ex, 500, "application/json", "{\"error\":\"boom\"}"));

        Exchange e =
                Fixtures.executor(sleeper, audit).execute(get(server.uri("/boom")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.failure()).isNull();
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(server.count("/boom")).isEqualTo(3);
        // full jitter: uniform below 200 ms, then below 400 ms
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
        assertThat(audit.only().attempts()).isEqualTo(3);
        assertThat(audit.only().outcome()).isEqualTo(FindingKind.HTTP_STATUS);
    }

    @Test
    void tooManyRequestsWaitsExactlyWhatRetryAfterSays() {
        server.on("/limited", ex -> {
            if (calls.getAndIncrement() == 0) {
                TestServer.respond(ex, 429, "text/plain", "slow down", Map.of("Retry-After", "2"));
            } else {
                TestServer.respond(ex, 200, "application/json", "[]");
            }
        });

        Exchange e = Fixtures.executor(sleeper, audit)
                .execute(get(server.uri("/limited")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterDateIsReadAgainstTheInjectedClock() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Fixtures.NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
        server.on("/dated", ex -> {
            if (calls.getAndIncrement() == 0) {
                TestServer.respond(ex, 503, "text/plain", "maintenance", Map.of("Retry-After", inFiveSeconds));
            } else {
                TestServer.respond(ex, 200, "application/json", "{}");
            }
        });

        Exchange e =
                Fixtures.executor(sleeper, audit).execute(get(server.uri("/dated")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(200);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterBeyondTheDeadlineReturnsThe429() {
        server.on("/later", ex -> TestServer.respond(ex, 429, "text/plain", "later", Map.of("Retry-After", "120")));

        Exchange e =
                Fixtures.executor(sleeper, audit).execute(get(server.uri("/later")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.header("retry-after")).isEqualTo("120");
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void unavailableThenOkSucceedsOnTheSecondAttempt() {
        server.on("/flaky", ex -> {
            if (calls.getAndIncrement() == 0) {
                TestServer.respond(ex, 503, "text/html", "<html>down</html>");
            } else {
                TestServer.respond(ex, 200, "application/json", "{\"ok\":1}");
            }
        });

        Exchange e =
                Fixtures.executor(sleeper, audit).execute(get(server.uri("/flaky")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"ok\":1}");
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(e.timeToHeadersNanos()).isLessThanOrEqualTo(e.totalNanos());
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.on("/missing", ex -> TestServer.respond(ex, 404, "application/json", "{}"));

        Exchange e = Fixtures.executor(sleeper, audit)
                .execute(get(server.uri("/missing")), options(THREE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void unauthorizedRefreshesOnceOutsideTheRetryBudget() {
        server.on("/auth", ex -> {
            boolean fresh = "Bearer fresh".equals(ex.getRequestHeaders().getFirst("Authorization"));
            TestServer.respond(ex, fresh ? 200 : 401, "application/json", "{}");
        });
        var auth = new CountingAuth(true);

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/auth")), options(RetrySpec.NONE), auth);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(auth.unauthorizedCalls).hasValue(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void secondUnauthorizedIsReturnedWithoutLooping() {
        server.on("/auth", ex -> TestServer.respond(ex, 401, "application/json", "{\"error\":\"nope\"}"));
        var auth = new CountingAuth(true);

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/auth")), options(THREE), auth);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(auth.unauthorizedCalls).hasValue(1);
        assertThat(server.count("/auth")).isEqualTo(2);
    }

    @Test
    void unauthorizedWithoutFreshCredentialsIsReturnedAtOnce() {
        server.on("/auth", ex -> TestServer.respond(ex, 401, "application/json", "{}"));
        var auth = new CountingAuth(false);

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/auth")), options(THREE), auth);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(auth.unauthorizedCalls).hasValue(1);
    }

    /** Sends "Bearer stale" until told about a 401, then "Bearer fresh" when {@code canRefresh}. */
    private static final class CountingAuth implements AuthProvider {
        final AtomicInteger unauthorizedCalls = new AtomicInteger();
        private final boolean canRefresh;
        private volatile String token = "stale";

        CountingAuth(boolean canRefresh) {
            this.canRefresh = canRefresh;
        }

        @Override
        public OutgoingRequest authorize(OutgoingRequest request) {
            return request.withHeader("Authorization", "Bearer " + token);
        }

        @Override
        public boolean onUnauthorized(Exchange rejected) {
            unauthorizedCalls.incrementAndGet();
            assertThat(rejected.status()).isEqualTo(401);
            if (canRefresh) token = "fresh";
            return canRefresh;
        }
    }
}

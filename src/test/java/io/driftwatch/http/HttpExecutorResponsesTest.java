package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class HttpExecutorResponsesTest {
    private static final long MB = 1024 * 1024;

    private TestServer server;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void goodResponseIsTimedAndItsHeadersLowerCased() {
        server.on(
                "/ok",
                ex -> TestServer.respond(
                        ex,
                        200,
                        "application/json",
                        "{\"ok\":true}",
                        Map.of("Intuit_TID", "tid-42", "X-Mixed-Case", "v")));
        var opts = new ExecutionOptions("p1", Fixtures.SLOW_MACHINE, RetrySpec.NONE, 1024, false, "intuit_tid");

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/ok?a=1")), opts, AuthProvider.NONE);

        assertThat(e.failure()).isNull();
        assertThat(e.status()).isEqualTo(200);
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(e.bodyBytes()).isEqualTo(11);
        assertThat(e.timeToHeadersNanos()).isPositive().isLessThanOrEqualTo(e.totalNanos());
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.headers()).containsEntry("x-mixed-case", java.util.List.of("v"));
        assertThat(e.header("Content-Type")).isEqualTo("application/json");
        assertThat(e.vendorRequestId()).isEqualTo("tid-42");
        assertThat(e.url()).isEqualTo(server.uri("/ok?a=1").toString());
        assertThat(e.startedAt()).isEqualTo(Fixtures.NOW);
        assertThat(server.requests.get(0).header("Content-Length"))
                .as("GET sends no body")
                .isNull();
        assertThat(e.certificateDaysLeft()).isNull();
        assertThat(audit.only().outcome()).isEqualTo("ok");
        assertThat(audit.only().requestId()).isEqualTo("tid-42");
    }

    @Test
    void postSendsItsBodyAndHeaders() {
        server.on("/post", ex -> TestServer.respond(ex, 201, "application/json", "{\"id\":1}"));
        var request = new OutgoingRequest(
                "POST",
                server.uri("/post"),
                Map.of("Content-Type", java.util.List.of("application/json"), "X-Trace", java.util.List.of("a", "b")),
                "{\"street\":\"1 Main\"}".getBytes(StandardCharsets.UTF_8));

        Exchange e = Fixtures.executor(sleeper, audit).execute(request, options(RetrySpec.NONE), AuthProvider.NONE);

        assertThat(e.status()).isEqualTo(201);
        assertThat(e.method()).isEqualTo("POST");
        var received = server.requests.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo("{\"street\":\"1 Main\"}");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.headers().get("X-Trace")).containsExactly("a", "b");
    }

    @Test
    void htmlErrorPageIsReturnedAsIs() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        server.on("/html", ex -> TestServer.respond(ex, 404, "text/html", html));

        Exchange e = Fixtures.executor(sleeper, audit)
                .execute(get(server.uri("/html")), options(RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure()).isNull();
        assertThat(e.responded()).isTrue();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.header("content-type")).isEqualTo("text/html");
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(audit.only().outcome()).isEqualTo(FindingKind.HTTP_STATUS);
    }

    @Test
    void streamedBodyOverTheCapIsCancelledWithoutBeingBuffered() {
        server.on("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the size is unknown until it is read
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 20 * 16; i++) out.write(chunk);
            }
        });
        var opts = new ExecutionOptions("p", Fixtures.SLOW_MACHINE, RetrySpec.DEFAULT, 5 * MB, false, null);

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/huge")), opts, AuthProvider.NONE);

        assertThat(e.failure().kind()).isEqualTo(FindingKind.BODY_TOO_LARGE);
        assertThat(e.failure().message())
                .isEqualTo("response body exceeds the 5242880-byte limit (stopped after " + e.bodyBytes() + " bytes)");
        assertThat(e.bodyBytes()).isGreaterThan(5 * MB).isLessThanOrEqualTo(5 * MB + 64 * 1024);
        assertThat(e.body()).isEmpty();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.responded()).isTrue();
        assertThat(e.attempts()).as("an oversized body is not retried").isEqualTo(1);
    }

    @Test
    void declaredContentLengthOverTheCapIsRefusedBeforeReading() {
        server.on("/declared", ex -> {
            ex.sendResponseHeaders(200, 20 * MB);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 20 * 16; i++) out.write(chunk);
            }
        });
        var opts = new ExecutionOptions("p", Fixtures.SLOW_MACHINE, RetrySpec.NONE, 5 * MB, false, null);

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(server.uri("/declared")), opts, AuthProvider.NONE);

        assertThat(e.failure().kind()).isEqualTo(FindingKind.BODY_TOO_LARGE);
        assertThat(e.failure().message())
                .isEqualTo("response body exceeds the 5242880-byte limit (Content-Length 20971520)");
        assertThat(e.bodyBytes()).isZero();
    }

    @Test
    void slowHeadersHitTheDeadline() {
        server.on("/slow", ex -> {
            release.await(20, TimeUnit.SECONDS);
            TestServer.respond(ex, 200, "text/plain", "late");
        });

        Exchange e = Fixtures.executor(sleeper, audit)
                .execute(
                        get(server.uri("/slow")), options(Duration.ofSeconds(1), RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure()).isEqualTo(new TransportFailure(FindingKind.TIMEOUT, "no response within 1000 ms"));
        assertThat(e.status()).isZero();
        assertThat(e.attempts()).as("no time left to retry").isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the deadline's interrupt does not outlive the attempt")
                .isFalse();
    }

    @Test
    void theRunGoesOnNormallyAfterItsHeaderWaitWasCutOff() throws Exception {
        server.on("/slow", ex -> {
            release.await(20, TimeUnit.SECONDS);
            TestServer.respond(ex, 200, "text/plain", "late");
        });
        server.on("/ok", ex -> TestServer.respond(ex, 200, "text/plain", "fine"));
        HttpExecutor executor = Fixtures.executor(sleeper, audit);

        Exchange timedOut = executor.execute(
                get(server.uri("/slow")), options(Duration.ofMillis(300), RetrySpec.NONE), AuthProvider.NONE);
        Thread.sleep(50); // the next blocking call of the run is not cut short by a stray interrupt
        Exchange next = executor.execute(get(server.uri("/ok")), options(RetrySpec.NONE), AuthProvider.NONE);

        assertThat(timedOut.failure().kind()).isEqualTo(FindingKind.TIMEOUT);
        assertThat(next.failure()).isNull();
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("fine");
    }

    @Test
    void anInterruptFromElsewhereIsReportedAndKept() throws Exception {
        var arrived = new CountDownLatch(1);
        server.on("/hang", ex -> {
            arrived.countDown();
            release.await(20, TimeUnit.SECONDS);
            TestServer.respond(ex, 200, "text/plain", "late");
        });
        var result = new CompletableFuture<Exchange>();
        var stillInterrupted = new AtomicBoolean();
        Thread runner = Thread.ofVirtual().start(() -> {
            result.complete(Fixtures.executor(sleeper, audit)
                    .execute(
                            get(server.uri("/hang")),
                            options(Duration.ofSeconds(30), RetrySpec.NONE),
                            AuthProvider.NONE));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        runner.interrupt(); // e.g. shutdown, not the run's deadline
        Exchange e = result.get(10, TimeUnit.SECONDS);
        runner.join(10_000);

        assertThat(e.failure())
                .isEqualTo(new TransportFailure(FindingKind.INTERNAL, "interrupted while waiting for the response"));
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void slowBodyHitsTheDeadlineToo() {
        server.on("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            release.await(20, TimeUnit.SECONDS);
            out.close();
        });

        // generous, so the headers arrive before the deadline even on a loaded machine
        Exchange e = Fixtures.executor(sleeper, audit)
                .execute(
                        get(server.uri("/trickle")),
                        options(Duration.ofSeconds(10), RetrySpec.NONE),
                        AuthProvider.NONE);

        assertThat(e.failure().kind()).isEqualTo(FindingKind.TIMEOUT);
        assertThat(e.failure().message())
                .isEqualTo("response body not complete within 10000 ms (" + e.bodyBytes() + " bytes received)");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.timeToHeadersNanos()).isPositive().isLessThanOrEqualTo(e.totalNanos());
    }
}

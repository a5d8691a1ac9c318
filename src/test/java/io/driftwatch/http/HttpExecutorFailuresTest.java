package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class HttpExecutorFailuresTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingAuditLog audit = new RecordingAuditLog();

    @Test
    void connectionResetMidBodyIsClassified() throws Exception {
        try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = Thread.startVirtualThread(() -> resetAfterPartialBody(server));
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/partial");

            Exchange e =
                    Fixtures.executor(sleeper, audit).execute(get(uri), options(RetrySpec.NONE), AuthProvider.NONE);

            assertThat(e.failure().kind()).isEqualTo(FindingKind.CONNECTION_RESET);
            // headers and part of the body usually arrive first; a fast RST can discard them (both are resets)
            assertThat(e.failure().message())
                    .isIn(
                            "connection to 127.0.0.1:" + server.getLocalPort() + " closed after " + e.bodyBytes()
                                    + " bytes of the response body",
                            "connection to 127.0.0.1:" + server.getLocalPort() + " closed before the response headers");
            assertThat(e.body()).isEmpty();
            assertThat(e.responded()).isFalse();
            assertThat(audit.only().outcome()).isEqualTo(FindingKind.CONNECTION_RESET);
            serving.join();
        }
    }

    /** Sends headers promising 100,000 bytes, 1,000 of them, then aborts with RST (SO_LINGER 0). */
    private static void resetAfterPartialBody(ServerSocket server) {
        try (Socket s = server.accept()) {
            readRequestHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
            s.setSoLinger(true, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readRequestHead(InputStream in) throws Exception {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) return;
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Test
    void serverThatNeverAnswersTimesOutAtTheDeadline() throws Exception {
        // The kernel completes the handshake from the backlog; nobody ever reads or answers.
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/never");

            Exchange e = Fixtures.executor(sleeper, audit)
                    .execute(get(uri), options(Duration.ofMillis(800), RetrySpec.DEFAULT), AuthProvider.NONE);

            assertThat(e.failure()).isEqualTo(new TransportFailure(FindingKind.TIMEOUT, "no response within 800 ms"));
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(sleeper.sleeps).isEmpty();
        }
    }

    @Test
    void closedPortIsConnectionRefusedAndRetried() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/x");

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(uri), options(RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure())
                .isEqualTo(new TransportFailure(
                        FindingKind.CONNECTION_REFUSED, "connection refused by 127.0.0.1:" + port));
        assertThat(e.status()).isZero();
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void unknownHostIsDnsAndNotRetried() {
        URI uri = URI.create("http://nonexistent.invalid/x");

        Exchange e = Fixtures.executor(sleeper, audit).execute(get(uri), options(RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure())
                .isEqualTo(new TransportFailure(FindingKind.DNS, "cannot resolve host nonexistent.invalid"));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void authFailureSendsNothing() throws Exception {
        try (var server = TestServer.http()) {
            server.on("/api", ex -> TestServer.respond(ex, 200, "text/plain", "ok"));
            AuthProvider refusing = request -> {
                throw new AuthException(
                        "token request to https://idp.example/token failed: HTTP 400, error invalid_grant", true);
            };

            Exchange e = Fixtures.executor(sleeper, audit)
                    .execute(get(server.uri("/api")), options(RetrySpec.DEFAULT), refusing);

            assertThat(e.failure())
                    .isEqualTo(new TransportFailure(
                            FindingKind.AUTH,
                            "token request to https://idp.example/token failed: HTTP 400, error invalid_grant"));
            assertThat(e.attempts()).isZero();
            assertThat(server.requests).isEmpty();
            assertThat(audit.only().outcome()).isEqualTo(FindingKind.AUTH);
        }
    }

    @Test
    void invalidRequestIsAConfigFailure() {
        var request = new OutgoingRequest(
                "GET", URI.create("http://127.0.0.1:1/x"), java.util.Map.of("Host", java.util.List.of("evil")), null);

        Exchange e = Fixtures.executor(sleeper, audit).execute(request, options(RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure())
                .isEqualTo(
                        new TransportFailure(FindingKind.CONFIG, "invalid request: restricted header name: \"Host\""));
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void resetThenSuccessIsRetried() throws Exception {
        var connections = new AtomicInteger();
        try (var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = Thread.startVirtualThread(() -> {
                try {
                    resetAfterPartialBody(server);
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                        readRequestHead(s.getInputStream());
                        s.getOutputStream()
                                .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                        .getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/flaky");

            Exchange e =
                    Fixtures.executor(sleeper, audit).execute(get(uri), options(RetrySpec.DEFAULT), AuthProvider.NONE);

            assertThat(e.failure()).isNull();
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(sleeper.sleeps).hasSize(1);
            serving.join();
            assertThat(connections).hasValue(1);
        }
    }
}

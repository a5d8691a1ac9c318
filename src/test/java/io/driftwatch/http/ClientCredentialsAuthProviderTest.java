package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.config.Secret;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ClientCredentialsAuthProviderTest {
    private static final String CLIENT_SECRET = "cs-Very$ecret";
    private static final String BASIC = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            ("probe-client:" + CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private TestServer server;
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** The token response body; {@code %s} is replaced by the next token ("tok-1", "tok-2"...). */
    private final AtomicReference<String> tokenBody =
            new AtomicReference<>("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

    private final AtomicInteger tokenStatus = new AtomicInteger(200);
    /** Blocks token responses until counted down (for the concurrency test). */
    private volatile CountDownLatch tokenGate = new CountDownLatch(0);
    /** The API accepts only this token. */
    private volatile String acceptedToken = "tok-1";

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http();
        server.on("/token", ex -> {
            tokenGate.await(60, TimeUnit.SECONDS);
            if (!BASIC.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                TestServer.respond(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "tok-" + tokensIssued.incrementAndGet();
            TestServer.respond(
                    ex, tokenStatus.get(), "application/json", tokenBody.get().formatted(token));
        });
        server.on("/api", ex -> {
            boolean ok =
                    ("Bearer " + acceptedToken).equals(ex.getRequestHeaders().getFirst("Authorization"));
            TestServer.respond(
                    ex, ok ? 200 : 401, "application/json", ok ? "{\"ok\":true}" : "{\"error\":\"expired\"}");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ClientCredentialsAuthProvider provider(String scope) {
        return provider(server.uri("/token"), scope);
    }

    private ClientCredentialsAuthProvider provider(URI tokenUrl, String scope) {
        var spec = new AuthSpec.ClientCredentials(tokenUrl, "probe-client", Secret.of(CLIENT_SECRET), scope);
        var services = new AuthServices(
                HttpClients.shared(),
                clock,
                RedactorHolder.of(Redactor.of(List.of(CLIENT_SECRET))),
                Fixtures.SLOW_MACHINE);
        return new ClientCredentialsAuthProvider(spec, services);
    }

    private Exchange call(AuthProvider auth) {
        return Fixtures.executor(HttpClients.shared(), clock, new RecordingSleeper(), Redactor.empty(), AuditLog.NONE)
                .execute(get(server.uri("/api")), options(RetrySpec.NONE), auth);
    }

    @Test
    void tokenRequestIsAFormPostWithBasicClientAuthentication() {
        Exchange e = call(provider("read write"));

        assertThat(e.status()).isEqualTo(200);
        var tokenRequest = server.requests.get(0);
        assertThat(tokenRequest.method()).isEqualTo("POST");
        assertThat(tokenRequest.body()).isEqualTo("grant_type=client_credentials&scope=read%20write");
        assertThat(tokenRequest.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(tokenRequest.header("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.header("Authorization")).isEqualTo(BASIC);
    }

    @Test
    void fiftyConcurrentRunsShareOneTokenRequest() throws Exception {
        int runs = 50;
        tokenGate = new CountDownLatch(runs);
        CountDownLatch gate = tokenGate;
        var auth = provider(null);
        var results = new ArrayList<Future<Exchange>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < runs; i++) {
                results.add(threads.submit(() -> {
                    gate.countDown(); // the token answer waits until every run has started
                    return call(auth);
                }));
            }
            for (Future<Exchange> f : results) assertThat(f.get().status()).isEqualTo(200);
        }

        assertThat(server.count("/token")).isEqualTo(1);
        assertThat(server.count("/api")).isEqualTo(runs);
    }

    @Test
    void runsWaitingForAFailingTokenRequestShareItsFailure() throws Exception {
        int runs = 20;
        tokenStatus.set(400);
        tokenBody.set("{\"error\":\"invalid_grant\",\"x\":\"%s\"}");
        tokenGate = new CountDownLatch(runs);
        CountDownLatch gate = tokenGate;
        var auth = provider(null);
        var results = new ArrayList<Future<Exchange>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < runs; i++) {
                results.add(threads.submit(() -> {
                    gate.countDown();
                    return call(auth);
                }));
            }
            for (Future<Exchange> f : results) {
                assertThat(f.get().failure().message())
                        .isEqualTo(
                                "token request to " + server.uri("/token") + " failed: HTTP 400, error invalid_grant");
            }
        }

        // every run but the last queued while the first request was held; the last may start its own
        assertThat(server.count("/token")).isBetween(1L, 2L);
        assertThat(server.count("/api")).isZero();
    }

    @Test
    void tokenIsRefreshedSixtySecondsBeforeItExpires() throws Exception {
        var auth = provider(null);
        var request = get(server.uri("/api"));

        assertThat(auth.authorize(request).headers().get("Authorization")).containsExactly("Bearer tok-1");
        clock.advance(Duration.ofSeconds(3600 - 60 - 1));
        assertThat(auth.authorize(request).headers().get("Authorization")).containsExactly("Bearer tok-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authorize(request).headers().get("Authorization")).containsExactly("Bearer tok-2");
        assertThat(server.count("/token")).isEqualTo(2);
    }

    @Test
    void expiresInAsAStringIsRead() throws Exception {
        tokenBody.set("{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":\"120\"}");
        var auth = provider(null);
        var request = get(server.uri("/api"));

        auth.authorize(request);
        clock.advance(Duration.ofSeconds(60)); // 120 s lifetime: the skew shrinks to half, 60 s
        assertThat(auth.authorize(request).headers().get("Authorization")).containsExactly("Bearer tok-2");
    }

    @Test
    void withoutExpiresInTheTokenIsKeptUntilRejected() throws Exception {
        tokenBody.set("{\"access_token\":\"%s\"}");
        var auth = provider(null);
        var request = get(server.uri("/api"));

        auth.authorize(request);
        clock.advance(Duration.ofDays(365));
        assertThat(auth.authorize(request).headers().get("Authorization")).containsExactly("Bearer tok-1");
        assertThat(server.count("/token")).isEqualTo(1);
    }

    @Test
    void unauthorizedRefreshesOnceAndRetries() {
        var auth = provider(null);
        acceptedToken = "tok-2"; // the first token is already revoked

        Exchange e = call(auth);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(server.count("/token")).isEqualTo(2);
    }

    @Test
    void aSecondUnauthorizedStops() {
        var auth = provider(null);
        acceptedToken = "never";

        Exchange e = call(auth);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(server.count("/token")).isEqualTo(2);
        assertThat(server.count("/api")).isEqualTo(2);
    }

    @Test
    void rejectedClientIsAPermanentAuthFailureWithoutSecrets() {
        tokenStatus.set(400);
        tokenBody.set("{\"error\":\"invalid_client\",\"error_description\":\"secret " + CLIENT_SECRET + " is wrong\"}");
        var auth = provider(null);

        assertThatThrownBy(() -> auth.authorize(get(server.uri("/api"))))
                .isInstanceOfSatisfying(
                        AuthException.class, ex -> assertThat(ex.permanent()).isTrue())
                .hasMessage("token request to " + server.uri("/token") + " failed: HTTP 400, error invalid_client");

        Exchange e = call(auth);
        assertThat(e.failure())
                .isEqualTo(new TransportFailure(
                        FindingKind.AUTH,
                        "token request to " + server.uri("/token") + " failed: HTTP 400, error invalid_client"));
        assertThat(server.count("/api")).isZero();
    }

    @Test
    void serverErrorWithoutAnOAuthCodeIsTemporary() {
        tokenStatus.set(503);
        tokenBody.set("<html>maintenance</html>");

        assertThatThrownBy(() -> provider(null).authorize(get(server.uri("/api"))))
                .isInstanceOfSatisfying(
                        AuthException.class, ex -> assertThat(ex.permanent()).isFalse())
                .hasMessage("token request to " + server.uri("/token") + " failed: HTTP 503");
    }

    @Test
    void responseWithoutAccessTokenIsRejected() {
        tokenBody.set("{\"token_type\":\"Bearer\",\"x\":\"%s\"}");

        assertThatThrownBy(() -> provider(null).authorize(get(server.uri("/api"))))
                .hasMessage("token request to " + server.uri("/token") + " failed: response has no access_token");
    }

    @Test
    void unreachableTokenEndpointIsNamed() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/token");

        assertThatThrownBy(() -> provider(closed, null).authorize(get(server.uri("/api"))))
                .isInstanceOfSatisfying(
                        AuthException.class, ex -> assertThat(ex.permanent()).isFalse())
                .hasMessage("token request to " + closed + " failed: connection refused by 127.0.0.1:" + port);
    }
}

package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.config.Secret;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Known secrets travel in queries, headers and token responses; none may surface anywhere we write. */
@Timeout(180)
class SecretLeakTest {
    private static final String QUERY_KEY = "QK-query-secret-1";
    private static final String BEARER = "BT-header-secret-2";
    private static final String CLIENT_SECRET = "CS-client-secret-3";
    private static final String ACCESS_TOKEN = "AT-issued-at-runtime-4";
    private static final String PASSWORD = "PW-basic-secret-5";
    private static final List<String> ALL = List.of(QUERY_KEY, BEARER, CLIENT_SECRET, ACCESS_TOKEN, PASSWORD);

    @TempDir
    Path dataDir;

    private final List<Exchange> exchanges = new ArrayList<>();

    @Test
    void secretsNeverReachTheAuditTrailTheExchangeOrFailureMessages() throws Exception {
        try (var server = TestServer.http();
                var audit = LogbackAuditLog.open(dataDir)) {
            server.on("/echo", ex -> {
                String echo = "you asked " + ex.getRequestURI() + " with "
                        + ex.getRequestHeaders().entrySet();
                TestServer.respond(
                        ex,
                        500,
                        "text/plain",
                        echo,
                        Map.of("X-Echo", ex.getRequestURI().toString()));
            });
            server.on(
                    "/token",
                    ex -> TestServer.respond(
                            ex,
                            200,
                            "application/json",
                            "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}"));
            server.on(
                    "/bad-token",
                    ex -> TestServer.respond(
                            ex,
                            401,
                            "application/json",
                            "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + CLIENT_SECRET
                                    + "\"}"));

            var connections = List.of(
                    connection(new AuthSpec.ApiKey("license", Secret.of(QUERY_KEY), AuthSpec.KeyLocation.QUERY)),
                    connection(new AuthSpec.Bearer(Secret.of(BEARER))),
                    connection(new AuthSpec.Basic("probe", Secret.of(PASSWORD))),
                    connection(new AuthSpec.ClientCredentials(
                            server.uri("/token"), "client", Secret.of(CLIENT_SECRET), null)),
                    connection(new AuthSpec.ClientCredentials(
                            server.uri("/bad-token"), "client", Secret.of(CLIENT_SECRET), null)));
            var redactors = RedactorHolder.of(Redactor.of(Redactor.secretValues(connections)));
            var registry = AuthProviders.standard(
                    new AuthServices(HttpClients.shared(), Fixtures.CLOCK, redactors, Fixtures.SLOW_MACHINE));
            var executor = new HttpExecutor(
                    HttpClients.shared(),
                    Fixtures.CLOCK,
                    new RecordingSleeper(),
                    redactors,
                    audit,
                    new java.util.SplittableRandom(3));
            var capture = new ExecutionOptions("leak", Fixtures.SLOW_MACHINE, RetrySpec.NONE, 1 << 20, true, null);

            for (ConnectionDefinition c : connections) {
                exchanges.add(executor.execute(get(server.uri("/echo?street=Main")), capture, registry.create(c)));
            }
            // the secret is in the probe's own URL and the call fails in the transport
            exchanges.add(executor.execute(
                    get(URI.create("http://127.0.0.1:" + closedPort() + "/x?license=" + QUERY_KEY)),
                    capture,
                    AuthProvider.NONE));
            exchanges.add(executor.execute(
                    get(URI.create("http://nonexistent.invalid/x?auth-token=" + QUERY_KEY)),
                    capture,
                    AuthProvider.NONE));
            try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                var quick = new ExecutionOptions("leak", Duration.ofMillis(500), RetrySpec.NONE, 1024, true, null);
                exchanges.add(executor.execute(
                        get(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/y?k=" + BEARER)),
                        quick,
                        AuthProvider.NONE));
            }

            assertThat(exchanges).hasSize(8);
            assertThat(exchanges.get(0).status()).as("the echo really ran").isEqualTo(500);
            assertThat(exchanges.get(4).failure().kind()).isEqualTo("auth");
            String auditText = Files.readString(audit.file());
            assertThat(auditText.lines().count()).isEqualTo(8);
            assertThat(auditText).contains("you asked /echo?street=Main&license=****");
            for (String secret : ALL) {
                assertThat(auditText).as("audit trail").doesNotContain(secret);
                for (Exchange e : exchanges) {
                    assertThat(e.url()).as("Exchange.url").doesNotContain(secret);
                    assertThat(e.headers().toString()).as("Exchange.headers").doesNotContain(secret);
                    assertThat(e.failure() == null ? "" : e.failure().message())
                            .as("failure")
                            .doesNotContain(secret);
                }
            }
            assertThat(exchanges.stream().map(Exchange::url).collect(Collectors.toList()))
                    .contains(server.uri("/echo?street=Main&license=****").toString());
        }
    }

    private static ConnectionDefinition connection(AuthSpec auth) {
        return new ConnectionDefinition(
                "c-" + auth.type(), "generic", URI.create("http://127.0.0.1"), Map.of(), auth, 10, Map.of(), null);
    }

    private static int closedPort() throws Exception {
        try (var s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AuthProvidersTest {
    private TestServer server;
    private AuthProviders registry;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.http();
        server.on("/api", ex -> TestServer.respond(ex, 200, "application/json", "{}"));
        registry = AuthProviders.standard(
                new AuthServices(HttpClients.shared(), Fixtures.CLOCK, RedactorHolder.of(Redactor.empty())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestServer.Recorded send(AuthSpec auth) {
        AuthProvider provider = registry.create(connection(auth));
        Exchange e = Fixtures.executor(new RecordingSleeper(), AuditLog.NONE)
                .execute(get(server.uri("/api?q=1")), options(RetrySpec.NONE), provider);
        assertThat(e.status()).isEqualTo(200);
        return server.requests.get(server.requests.size() - 1);
    }

    private static ConnectionDefinition connection(AuthSpec auth) {
        return new ConnectionDefinition(
                "conn-1", "generic", URI.create("http://127.0.0.1"), Map.of(), auth, 10, Map.of(), null);
    }

    @Test
    void basicSendsUtf8Credentials() {
        var r = send(new AuthSpec.Basic("probe", Secret.of("pä:ss")));
        String expected =
                Base64.getEncoder().encodeToString("probe:pä:ss".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.header("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void bearerSendsTheToken() {
        var r = send(new AuthSpec.Bearer(Secret.of("tok-123")));
        assertThat(r.header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void apiKeyInAHeader() {
        var r = send(new AuthSpec.ApiKey("X-Api-Key", Secret.of("k-1"), AuthSpec.KeyLocation.HEADER));
        assertThat(r.header("X-Api-Key")).isEqualTo("k-1");
        assertThat(r.uri().getRawQuery()).isEqualTo("q=1");
    }

    @Test
    void apiKeyInTheQueryIsEncoded() {
        var r = send(new AuthSpec.ApiKey("auth-token", Secret.of("a b+c"), AuthSpec.KeyLocation.QUERY));
        assertThat(r.uri().getRawQuery()).isEqualTo("q=1&auth-token=a%20b%2Bc");
        assertThat(r.header("Authorization")).isNull();
    }

    @Test
    void noneSendsNoCredentials() {
        var r = send(new AuthSpec.None());
        assertThat(r.header("Authorization")).isNull();
    }

    @Test
    void unknownTypeNamesTheTypeAndTheConnection() {
        var vendorFlow = new AuthSpec.Vendor("quickbooks-oauth2", Map.of(), Map.of());
        assertThatThrownBy(() -> registry.create(connection(vendorFlow)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connection 'conn-1': unknown auth type 'quickbooks-oauth2' (known: none, basic, bearer,"
                        + " api-key, oauth2-client-credentials)");
    }

    @Test
    void vendorFlowsRegisterAsOneFactory() {
        AuthProviderFactory custom =
                AuthProviderFactory.of("quickbooks-oauth2", (c, s) -> request -> request.withHeader("X-Flow", c.id()));
        var withVendor = AuthProviders.standard(
                new AuthServices(HttpClients.shared(), Fixtures.CLOCK, RedactorHolder.of(Redactor.empty())), custom);
        registry = withVendor;

        var r = send(new AuthSpec.Vendor("quickbooks-oauth2", Map.of(), Map.of()));

        assertThat(r.header("X-Flow")).isEqualTo("conn-1");
        assertThat(withVendor.types()).endsWith("quickbooks-oauth2");
    }

    @Test
    void aTypeRegisteredTwiceIsRejected() {
        var services = new AuthServices(HttpClients.shared(), Fixtures.CLOCK, RedactorHolder.of(Redactor.empty()));
        assertThatThrownBy(() ->
                        new AuthProviders(services, List.of(BasicAuthProvider.FACTORY, BasicAuthProvider.FACTORY)))
                .hasMessage("auth type 'basic' registered twice");
    }

    @Test
    void providersNeverPrintTheirSecrets() {
        assertThat(List.of(
                                new BasicAuthProvider(new AuthSpec.Basic("u", Secret.of("pw-secret"))),
                                new BearerAuthProvider(new AuthSpec.Bearer(Secret.of("pw-secret"))),
                                new ApiKeyAuthProvider(
                                        new AuthSpec.ApiKey("k", Secret.of("pw-secret"), AuthSpec.KeyLocation.QUERY)))
                        .toString())
                .doesNotContain("pw-secret");
    }
}

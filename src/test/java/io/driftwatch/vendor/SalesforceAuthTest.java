package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceAuthTest {
    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    private VendorHarness h;

    @BeforeEach
    void start() {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static OutgoingRequest get(URI uri) {
        return new OutgoingRequest("GET", uri, Map.of(), null);
    }

    @Test
    void requestsGoToTheInstanceUrlOfTheTokenResponse() {
        ConnectionDefinition c = Connections.withBaseUrl(h.connection("salesforce"), URI.create("http://127.0.0.1:9/"));
        Exchange e = h.send(
                c, get(URI.create("http://127.0.0.1:9/services/data/v65.0/limits?x=1")), VendorHarness.options("t"));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.url()).isEqualTo(h.sandbox.baseUri() + "services/data/v65.0/limits?x=1");
        assertThat(e.vendorRequestId()).isEqualTo("api-usage=1/15000");
    }

    @Test
    void anInvalidSessionMintsOneNewTokenAndRetriesOnce() {
        assertThat(h.get("salesforce", "/services/data/v65.0/limits").attempts())
                .isEqualTo(1);
        h.sandbox.setScenario(Scenario.of("revoked-token", Map.of("vendor", "salesforce")));

        Exchange e = h.get("salesforce", "/services/data/v65.0/limits");

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(h.sandbox.stats().salesforceTokens()).isEqualTo(2);
        assertThat(h.get("salesforce", "/services/data/v65.0/limits").attempts())
                .isEqualTo(1);
        assertThat(h.sandbox.stats().salesforceTokens()).isEqualTo(2);
    }

    @Test
    void aPolicyRejectionIsNotReMinted() throws Exception {
        AuthProvider auth = h.auth(h.connection("salesforce"));
        auth.authorize(get(URI.create("http://127.0.0.1:9/")));
        byte[] body =
                "[{\"message\":\"This session is not valid for use with the REST API\",\"errorCode\":\"INVALID_SESSION_ID\"}]"
                        .getBytes(StandardCharsets.UTF_8);
        Exchange rejected = new Exchange(
                h.clock.instant(), "GET", "http://x/", 401, Map.of(), body, body.length, 0, 0, 1, null, null, null);

        assertThat(auth.onUnauthorized(rejected)).isFalse();
        assertThat(h.sandbox.stats().salesforceTokens()).isEqualTo(1);
    }

    @Test
    void tokenEndpointErrorsNameTheErrorAndItsDescription() {
        ConnectionDefinition c = Connections.withAuth(
                h.connection("salesforce"), null, Map.of("username", "nobody@example.com"), Map.of());
        Exchange e = h.send(
                c, get(URI.create(h.sandbox.baseUri() + "services/data/v65.0/limits")), VendorHarness.options("t"));
        assertThat(e.failure().kind()).isEqualTo(FindingKind.AUTH);
        assertThat(e.failure().message())
                .isEqualTo("token request to " + h.sandbox.baseUri() + "services/oauth2/token failed: HTTP 400, error"
                        + " invalid_grant (user hasn't approved this consumer)");
        assertThat(h.support.authStatuses().get("salesforce").orElseThrow().state())
                .isEqualTo(AuthStatuses.State.FAILING);
    }

    @Test
    void clientCredentialsFlow() {
        var creds = h.sandbox.credentials();
        var settings = new HashMap<String, String>();
        settings.put("username", null);
        settings.put("privateKeyFile", null);
        settings.put("audience", null);
        ConnectionDefinition c = Connections.withAuth(
                h.connection("salesforce"),
                "salesforce-client-credentials",
                settings,
                Map.of("clientSecret", creds.salesforceConsumerSecret()));
        Exchange e = h.send(
                c, get(URI.create(h.sandbox.baseUri() + "services/data/v65.0/limits")), VendorHarness.options("t"));
        assertThat(e.status()).isEqualTo(200);

        ConnectionDefinition wrong = Connections.withAuth(c, null, Map.of(), Map.of("clientSecret", "nope"));
        assertThatThrownBy(() -> h.authProviders.create(wrong).authorize(get(URI.create("http://x/"))))
                .isInstanceOf(AuthException.class)
                .hasMessageEndingWith("failed: HTTP 400, error invalid_client (invalid client credentials)");
    }

    @Test
    void keyProblemsAreClearPermanentFailures() throws Exception {
        Path rsa = dir.resolve("pkcs1.pem");
        Files.writeString(rsa, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        Path missing = dir.resolve("missing.pem");
        for (var c : List.of(
                Connections.withAuth(
                        h.connection("salesforce"), null, Map.of("privateKeyFile", rsa.toString()), Map.of()),
                Connections.withAuth(
                        h.connection("salesforce"), null, Map.of("privateKeyFile", missing.toString()), Map.of()))) {
            AuthProvider p = h.authProviders.create(c);
            assertThatThrownBy(() -> p.authorize(get(URI.create("http://x/"))))
                    .isInstanceOf(AuthException.class)
                    .matches(t -> ((AuthException) t).permanent());
        }
        AuthProvider p = h.authProviders.create(Connections.withAuth(
                h.connection("salesforce"), null, Map.of("privateKeyFile", rsa.toString()), Map.of()));
        assertThatThrownBy(() -> p.authorize(get(URI.create("http://x/"))))
                .hasMessage(
                        "connection 'salesforce': auth.privateKeyFile '" + rsa + "' must be an unencrypted PKCS#8 key"
                                + " (BEGIN PRIVATE KEY); convert it with 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out"
                                + " key-pkcs8.pem'");
        AuthProvider q = h.authProviders.create(Connections.withAuth(
                h.connection("salesforce"), null, Map.of("privateKeyFile", missing.toString()), Map.of()));
        assertThatThrownBy(() -> q.authorize(get(URI.create("http://x/"))))
                .hasMessage("connection 'salesforce': cannot read auth.privateKeyFile '" + missing
                        + "': NoSuchFileException");
    }
}

package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.Secret;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthProvider;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.sandbox.SandboxClient;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.store.Database;
import io.driftwatch.store.JdbcTokenStore;
import io.driftwatch.vendor.quickbooks.QuickBooksAuthProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickBooksAuthTest {
    @TempDir
    static Path keys;

    @TempDir
    Path data;

    private VendorHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    private VendorHarness start(TokenStore store) {
        return start(SandboxConfig.builder(), store);
    }

    private VendorHarness start(SandboxConfig.Builder config, TokenStore store) {
        h = new VendorHarness(config, keys, store);
        return h;
    }

    private AuthProvider newProvider() {
        return h.authProviders.create(h.connection("quickbooks"));
    }

    private static OutgoingRequest request() {
        return new OutgoingRequest("GET", URI.create("http://127.0.0.1/x"), Map.of(), null);
    }

    private String initialToken() {
        return h.sandbox.credentials().qboInitialRefreshToken();
    }

    @Test
    void rotationSurvivesADaemonRestart() throws Exception {
        String url = Database.embeddedUrl(data);
        try (Database db = Database.open(url)) {
            start(new JdbcTokenStore(db));
            assertThat(h.get("quickbooks", invoicePath()).status()).isEqualTo(200);
            TokenStore.Stored stored = new JdbcTokenStore(db).load("quickbooks").orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.refreshToken().reveal()).isNotEqualTo(initialToken());
        }
        // The configured (initial) token was rotated away: Intuit (and the sandbox, grace 0) refuse it now.
        assertThat(new SandboxClient(h.sandbox).qboRefresh(initialToken()).body())
                .isEqualTo("{\"error\":\"invalid_grant\"}");

        try (Database reopened = Database.open(url)) { // the "restarted daemon": new store, new provider
            AuthProvider second = QuickBooksAuthProvider.factory(new JdbcTokenStore(reopened), new AuthStatuses())
                    .create(h.connection("quickbooks"), h.services);
            assertThat(second.authorize(request())
                            .headers()
                            .get("Authorization")
                            .get(0))
                    .startsWith("Bearer ");
            assertThat(new JdbcTokenStore(reopened)
                            .load("quickbooks")
                            .orElseThrow()
                            .version())
                    .isEqualTo(2);
        }
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentRunsTriggerExactlyOneRefresh() throws Exception {
        start(new InMemoryTokenStore());
        AuthProvider provider = newProvider();
        var results = new ArrayList<Future<OutgoingRequest>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) results.add(threads.submit(() -> provider.authorize(request())));
        }
        for (var f : results)
            assertThat(f.get().headers().get("Authorization").get(0)).startsWith("Bearer ");
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(1);
        assertThat(h.sandbox.stats().qboRefreshFailures()).isZero();
    }

    @Test
    void theAccessTokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
        start(new InMemoryTokenStore());
        AuthProvider provider = newProvider();
        provider.authorize(request());
        h.clock.advance(Duration.ofSeconds(3539));
        provider.authorize(request());
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(1);
        h.clock.advance(Duration.ofSeconds(1)); // 60 s before expires_in
        provider.authorize(request());
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(2);
    }

    @Test
    void invalidGrantIsAFindingAndNeverALoop() {
        start(new InMemoryTokenStore());
        h.sandbox.setScenario(Scenario.of("revoked-token", Map.of("vendor", "quickbooks")));
        for (int run = 0; run < 3; run++) {
            Exchange e = h.get("quickbooks", invoicePath());
            assertThat(e.failure().kind()).isEqualTo(FindingKind.AUTH);
            assertThat(e.failure().message()).isEqualTo("QuickBooks authorization lost: reconnect the app");
            assertThat(e.attempts()).isZero();
        }
        assertThat(h.sandbox.stats().qboRefreshFailures()).isEqualTo(1);
        assertThat(h.support.authStatuses().get("quickbooks").orElseThrow().state())
                .isEqualTo(AuthStatuses.State.LOST);

        h.sandbox.resetScenarios(); // even once Intuit would answer again, only reconfiguring revives it
        assertThat(h.get("quickbooks", invoicePath()).failure().message())
                .isEqualTo("QuickBooks authorization lost: reconnect the app");
        assertThat(h.sandbox.stats().qboRefreshFailures()).isEqualTo(1);
    }

    @Test
    void aTokenRotatedByAnotherProcessIsPickedUpAfterInvalidGrant() throws Exception {
        var store = new InMemoryTokenStore();
        start(store);
        var client = new SandboxClient(h.sandbox);
        String t1 = SandboxClient.json(client.qboRefresh(initialToken()))
                .get("refresh_token")
                .asText();
        String t2 =
                SandboxClient.json(client.qboRefresh(t1)).get("refresh_token").asText();
        String fp = fingerprint(initialToken());
        store.rows.put("quickbooks", new TokenStore.Stored(Secret.of(t2), fp, null, null, h.clock.instant(), 2));
        var stale = new TokenStore() { // first read sees the state before the other process saved t2
                    private boolean first = true;

                    @Override
                    public Optional<Stored> load(String id) {
                        if (first) {
                            first = false;
                            return Optional.of(new Stored(Secret.of(t1), fp, null, null, h.clock.instant(), 1));
                        }
                        return store.load(id);
                    }

                    @Override
                    public boolean save(String id, long expected, Stored next) {
                        return store.save(id, expected, next);
                    }
                };
        AuthProvider provider = QuickBooksAuthProvider.factory(stale, new AuthStatuses())
                .create(h.connection("quickbooks"), h.services);
        provider.authorize(request());
        assertThat(store.rows.get("quickbooks").version()).isEqualTo(3);
    }

    @Test
    void aNewlyConfiguredTokenReplacesTheStoredChain() throws Exception {
        var store = new InMemoryTokenStore();
        store.rows.put(
                "quickbooks",
                new TokenStore.Stored(
                        Secret.of("dead-token-of-an-old-connection"), "0".repeat(64), null, null, null, 7));
        start(store);
        newProvider().authorize(request());
        assertThat(store.rows.get("quickbooks").version()).isEqualTo(8);
        assertThat(store.rows.get("quickbooks").seedFingerprint()).isEqualTo(fingerprint(initialToken()));
    }

    @Test
    void aStoreThatCannotWriteKeepsTheRotatedTokenInMemory() throws Exception {
        var broken = new TokenStore() {
            @Override
            public Optional<Stored> load(String id) {
                return Optional.empty();
            }

            @Override
            public boolean save(String id, long expected, Stored next) throws TokenStoreException {
                throw new TokenStoreException("disk full", null);
            }
        };
        start(broken);
        AuthProvider provider = newProvider();
        provider.authorize(request());
        var status = h.support.authStatuses().get("quickbooks").orElseThrow();
        assertThat(status.state()).isEqualTo(AuthStatuses.State.OK);
        assertThat(status.lastError()).isEqualTo("disk full");
        AuthProvider own = QuickBooksAuthProvider.factory(broken, new AuthStatuses())
                .create(h.connection("quickbooks"), h.services);
        assertThatThrownBy(() -> own.authorize(request())) // the initial token was already rotated by `provider`
                .isInstanceOf(AuthException.class)
                .hasMessage("QuickBooks authorization lost: reconnect the app");
        h.clock.advance(Duration.ofHours(1)); // `provider` refreshes again: with its in-memory token, not the seed
        provider.authorize(request());
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(2);
    }

    @Test
    void wrongClientSecretIsPermanentAndNamesTheSettings() throws Exception {
        start(new InMemoryTokenStore());
        var c = h.connection("quickbooks");
        var spec = (io.driftwatch.config.AuthSpec.Vendor) c.auth();
        var secrets = new java.util.HashMap<>(spec.secrets());
        secrets.put("clientSecret", Secret.of("wrong"));
        var broken = new io.driftwatch.config.ConnectionDefinition(
                c.id(),
                c.vendor(),
                c.baseUrl(),
                c.headers(),
                new io.driftwatch.config.AuthSpec.Vendor(spec.type(), spec.settings(), secrets),
                c.maxConcurrency(),
                c.settings(),
                c.source());
        AuthProvider provider = h.authProviders.create(broken);
        assertThatThrownBy(() -> provider.authorize(request()))
                .isInstanceOf(AuthException.class)
                .hasMessage("token request to " + h.sandbox.baseUri() + "oauth2/v1/tokens/bearer failed: HTTP 401,"
                        + " error invalid_client: check auth.clientId and auth.clientSecret")
                .matches(e -> ((AuthException) e).permanent());
    }

    @Test
    void a401RefreshesOnceAndTheNewTokenIsUsedAfter() throws Exception {
        start(new InMemoryTokenStore());
        AuthProvider provider = newProvider();
        String before =
                provider.authorize(request()).headers().get("Authorization").get(0);

        assertThat(provider.onUnauthorized(null)).isTrue();
        String after =
                provider.authorize(request()).headers().get("Authorization").get(0);

        assertThat(after).isNotEqualTo(before);
        assertThat(h.sandbox.stats().qboRefreshes()).isEqualTo(2);
    }

    @Test
    void statusCarriesRollingAndHardExpiry() throws Exception {
        start(new InMemoryTokenStore());
        newProvider().authorize(request());
        var status = h.support.authStatuses().get("quickbooks").orElseThrow();
        assertThat(status.state()).isEqualTo(AuthStatuses.State.OK);
        assertThat(status.refreshExpiresAt()).isEqualTo(h.clock.instant().plus(Duration.ofDays(101)));
        assertThat(status.hardExpiresAt()).isEqualTo(h.clock.instant().plus(Duration.ofDays(5 * 365)));
        assertThat(status.refreshDeadline()).isEqualTo(status.refreshExpiresAt());
    }

    @Test
    void aMissingClientIdIsAClearAuthFinding() {
        start(new InMemoryTokenStore());
        var c = h.connection("quickbooks");
        var spec = (io.driftwatch.config.AuthSpec.Vendor) c.auth();
        var settings = new java.util.HashMap<>(spec.settings());
        settings.remove("clientId");
        var broken = new io.driftwatch.config.ConnectionDefinition(
                c.id(),
                c.vendor(),
                c.baseUrl(),
                c.headers(),
                new io.driftwatch.config.AuthSpec.Vendor(spec.type(), settings, spec.secrets()),
                c.maxConcurrency(),
                c.settings(),
                c.source());
        assertThatThrownBy(() -> h.authProviders.create(broken).authorize(request()))
                .hasMessage("connection 'quickbooks': auth.clientId is required");
    }

    private String invoicePath() {
        var c = h.sandbox.credentials();
        return "/v3/company/" + c.qboRealmId() + "/invoice/" + c.qboKnownInvoiceId();
    }

    static String fingerprint(String token) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }
}

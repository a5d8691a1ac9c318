package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QboTokenEndpointTest {
    @TempDir
    static Path keys;

    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;
    private SandboxClient client;

    private void start(SandboxConfig.Builder config) throws Exception {
        sandbox = Sandbox.start(config.clock(clock).keyDirectory(keys).build());
        client = new SandboxClient(sandbox);
    }

    private void start() throws Exception {
        start(SandboxConfig.builder());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void refreshReturnsDocumentedFieldsAndIntuitTid() throws Exception {
        start();
        HttpResponse<String> r = client.qboRefresh(sandbox.credentials().qboInitialRefreshToken());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("intuit_tid"))
                .hasValueSatisfying(v -> assertThat(v).matches("1-[0-9a-f]{8}-[0-9a-f]{24}"));
        JsonNode body = json(r);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").isNumber()).isTrue();
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("x_refresh_token_expires_in").asLong()).isEqualTo(8_726_400);
        assertThat(body.has("x_refresh_token_hard_expires_in")).isFalse();
        assertThat(body.get("refresh_token").asText())
                .isNotEqualTo(sandbox.credentials().qboInitialRefreshToken());
        assertThat(body.get("access_token").asText()).isNotBlank();
    }

    @Test
    void rotationInvalidatesTheOldRefreshTokenAndTheNewOneWorks() throws Exception {
        start();
        String initial = sandbox.credentials().qboInitialRefreshToken();
        String rotated = json(client.qboRefresh(initial)).get("refresh_token").asText();

        HttpResponse<String> reuse = client.qboRefresh(initial);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(reuse.headers().firstValue("intuit_tid")).isPresent();

        HttpResponse<String> next = client.qboRefresh(rotated);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(sandbox.stats().qboRefreshes()).isEqualTo(2);
        assertThat(sandbox.stats().qboRefreshFailures()).isEqualTo(1);
    }

    @Test
    void graceKeepsTheOldTokenWorkingUntilItEnds() throws Exception {
        start(SandboxConfig.builder().qboRefreshGrace(Duration.ofHours(24)));
        String initial = sandbox.credentials().qboInitialRefreshToken();
        client.qboRefresh(initial);

        clock.advance(Duration.ofHours(23));
        assertThat(client.qboRefresh(initial).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(client.qboRefresh(initial).statusCode()).isEqualTo(400);
    }

    @Test
    void hardExpiryOnlyWhenAskedForAndNumbersAsStringsWhenConfigured() throws Exception {
        start(SandboxConfig.builder().qboTokenNumbersAsStrings(true));
        JsonNode body = json(client.qboRefresh(
                sandbox.credentials().qboInitialRefreshToken(), "x-include-refresh-token-hard-expires-in", "true"));

        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(body.get("expires_in").asText()).isEqualTo("3600");
        assertThat(body.get("x_refresh_token_hard_expires_in").asText())
                .isEqualTo(String.valueOf(Duration.ofDays(5 * 365).toSeconds()));
    }

    @Test
    void refreshTokensExpireAfterTheirRollingLifetime() throws Exception {
        start();
        clock.advance(Duration.ofDays(101));
        assertThat(json(client.qboRefresh(sandbox.credentials().qboInitialRefreshToken()))
                        .get("error")
                        .asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void accessTokensExpireAfterExpiresIn() throws Exception {
        start(SandboxConfig.builder().qboAccessTokenLifetime(Duration.ofSeconds(60)));
        String token = client.qboAccessToken();
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(60));
        HttpResponse<String> expired = client.qbo(token, "/invoice/130");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).at("/fault/error/0/code").asText()).isEqualTo("3200");
    }

    @Test
    void wrongClientCredentialsAreInvalidClient() throws Exception {
        start();
        HttpResponse<String> r = client.post(
                "/oauth2/v1/tokens/bearer",
                "application/x-www-form-urlencoded",
                SandboxClient.form("grant_type", "refresh_token", "refresh_token", "x"),
                "Authorization",
                SandboxClient.basic(sandbox.credentials().qboClientId(), "wrong"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    }

    @Test
    void otherGrantTypesAndMissingTokenAreRejected() throws Exception {
        start();
        String auth = SandboxClient.basic(
                sandbox.credentials().qboClientId(), sandbox.credentials().qboClientSecret());
        HttpResponse<String> code = client.post(
                "/oauth2/v1/tokens/bearer",
                "application/x-www-form-urlencoded",
                SandboxClient.form("grant_type", "client_credentials"),
                "Authorization",
                auth);
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(code.body()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");

        HttpResponse<String> missing = client.post(
                "/oauth2/v1/tokens/bearer",
                "application/x-www-form-urlencoded",
                SandboxClient.form("grant_type", "refresh_token"),
                "Authorization",
                auth);
        assertThat(missing.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }

    @Test
    void revokedTokenScenarioGivesInvalidGrantAndRejectsAccessTokens() throws Exception {
        start();
        String token = client.qboAccessToken();
        sandbox.setScenario(Scenario.of("revoked-token"));

        assertThat(client.qboRefresh("anything").body()).isEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(401);

        sandbox.resetScenarios();
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(200);
    }
}

package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.assertion;
import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.driftwatch.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceTokenTest {
    @TempDir
    static Path keys;

    @TempDir
    static Path otherKeys;

    static final MutableClock CLOCK = new MutableClock();
    static Sandbox sandbox;
    static SandboxClient client;
    static SandboxCredentials creds;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().clock(CLOCK).keyDirectory(keys).build());
        client = new SandboxClient(sandbox);
        creds = sandbox.credentials();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Instant now() {
        return CLOCK.instant();
    }

    private static String valid(String aud) {
        return assertion(
                creds.salesforcePrivateKeyPem(),
                creds.salesforceConsumerKey(),
                creds.salesforceUsername(),
                aud,
                now().plusSeconds(120));
    }

    @Test
    void jwtBearerGrantReturnsTheDocumentedFields() throws Exception {
        HttpResponse<String> r = client.sfToken(valid("https://login.salesforce.com"));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("instance_url").asText())
                .isEqualTo(sandbox.baseUri().toString().replaceAll("/$", ""));
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("api");
        assertThat(body.get("issued_at").isTextual()).isTrue();
        assertThat(body.get("issued_at").asText()).isEqualTo(String.valueOf(now().toEpochMilli()));
        assertThat(body.get("id").asText()).startsWith("https://login.salesforce.com/id/00D");
        assertThat(body.has("refresh_token")).isFalse();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(creds.salesforceConsumerSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal(
                        (body.get("id").asText() + body.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8)));
        assertThat(body.get("signature").asText()).isEqualTo(expected);
    }

    @Test
    void acceptsTheSandboxAndTestAudiences() {
        assertThat(client.sfToken(valid("https://test.salesforce.com")).statusCode())
                .isEqualTo(200);
        String self = sandbox.baseUri().toString().replaceAll("/$", "");
        assertThat(client.sfToken(valid(self)).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignatureFromAnotherKeyIsRejected() throws Exception {
        SandboxKeys other = SandboxKeys.loadOrCreate(otherKeys);
        String forged = assertion(
                other.privatePem(),
                creds.salesforceConsumerKey(),
                creds.salesforceUsername(),
                "https://login.salesforce.com",
                now().plusSeconds(60));
        assertError(client.sfToken(forged), "invalid_grant", "invalid assertion");
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(creds.salesforceConsumerKey())
                .subject(creds.salesforceUsername())
                .audience("https://login.salesforce.com")
                .expirationTime(Date.from(now().plusSeconds(60)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(creds.salesforceConsumerSecret().repeat(2).getBytes(StandardCharsets.UTF_8)));
        assertError(client.sfToken(jwt.serialize()), "invalid_grant", "invalid assertion");
    }

    @Test
    void claimsAreCheckedOneByOne() {
        Path key = creds.salesforcePrivateKeyPem();
        String login = "https://login.salesforce.com";
        String user = creds.salesforceUsername();
        String app = creds.salesforceConsumerKey();
        Instant soon = now().plusSeconds(60);
        assertError(
                client.sfToken(assertion(key, "someone-else", user, login, soon)),
                "invalid_client_id",
                "client identifier invalid");
        assertError(
                client.sfToken(assertion(key, app, "nobody@example.com", login, soon)),
                "invalid_grant",
                "user hasn't approved this consumer");
        assertError(
                client.sfToken(assertion(key, app, user, "https://evil.example", soon)),
                "invalid_grant",
                "audience is invalid");
        assertError(
                client.sfToken(assertion(key, app, user, login, now())), "invalid_grant", "expired authorization code");
        assertError(
                client.sfToken(assertion(key, app, user, login, now().plusSeconds(181))),
                "invalid_grant",
                "invalid assertion");
        assertError(client.sfToken("not-a-jwt"), "invalid_grant", "invalid assertion");
    }

    @Test
    void legacyPrnWinsOverSub() throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(creds.salesforceConsumerKey())
                .subject("nobody@example.com")
                .claim("prn", creds.salesforceUsername())
                .audience("https://login.salesforce.com")
                .expirationTime(Date.from(now().plusSeconds(60)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(
                new com.nimbusds.jose.crypto.RSASSASigner(SandboxKeys.readPrivateKey(creds.salesforcePrivateKeyPem())));
        assertThat(client.sfToken(jwt.serialize()).statusCode()).isEqualTo(200);
    }

    @Test
    void clientCredentialsInTheBodyOrBasicHeader() {
        String form = SandboxClient.form(
                "grant_type",
                "client_credentials",
                "client_id",
                creds.salesforceConsumerKey(),
                "client_secret",
                creds.salesforceConsumerSecret());
        assertThat(client.post("/services/oauth2/token", "application/x-www-form-urlencoded", form)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> basic = client.post(
                "/services/oauth2/token",
                "application/x-www-form-urlencoded",
                SandboxClient.form("grant_type", "client_credentials"),
                "Authorization",
                SandboxClient.basic(creds.salesforceConsumerKey(), creds.salesforceConsumerSecret()));
        assertThat(json(basic).get("instance_url").asText()).startsWith("http://127.0.0.1:");

        String wrong = SandboxClient.form(
                "grant_type", "client_credentials", "client_id", creds.salesforceConsumerKey(), "client_secret", "x");
        assertError(
                client.post("/services/oauth2/token", "application/x-www-form-urlencoded", wrong),
                "invalid_client",
                "invalid client credentials");
    }

    @Test
    void unknownGrantType() {
        assertError(
                client.post(
                        "/services/oauth2/token",
                        "application/x-www-form-urlencoded",
                        SandboxClient.form("grant_type", "password")),
                "unsupported_grant_type",
                "grant type not supported");
    }

    @Test
    void keysAreReusedFromTheKeyDirectory() throws Exception {
        assertThat(Files.readString(keys.resolve("salesforce-public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        try (Sandbox second =
                Sandbox.start(SandboxConfig.builder().keyDirectory(keys).build())) {
            assertThat(second.credentials().salesforcePrivateKeyPem()).isEqualTo(creds.salesforcePrivateKeyPem());
            String jwt = assertion(
                    creds.salesforcePrivateKeyPem(),
                    creds.salesforceConsumerKey(),
                    creds.salesforceUsername(),
                    "https://login.salesforce.com",
                    Instant.now().plusSeconds(60));
            assertThat(new SandboxClient(second).sfToken(jwt).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void temporaryKeysAreDeletedOnClose() throws Exception {
        Path pem;
        try (Sandbox temp = Sandbox.start(SandboxConfig.defaults())) {
            pem = temp.credentials().salesforcePrivateKeyPem();
            assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(pem).doesNotExist();
    }

    private static void assertError(HttpResponse<String> r, String error, String description) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }
}

package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Plain java.net.http calls against a running sandbox, plus the vendor handshakes tests repeat. */
public final class SandboxClient {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Sandbox sandbox;

    public SandboxClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        var b = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpRequest.Builder request(String pathAndQuery, String... headers) {
        var b = HttpRequest.newBuilder(sandbox.baseUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    public static String form(String... pairs) {
        var sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!sb.isEmpty()) sb.append('&');
            sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A refresh-token grant with the given refresh token; the raw response. */
    public HttpResponse<String> qboRefresh(String refreshToken, String... extraHeaders) {
        SandboxCredentials c = sandbox.credentials();
        String[] headers = new String[extraHeaders.length + 4];
        headers[0] = "Authorization";
        headers[1] = basic(c.qboClientId(), c.qboClientSecret());
        headers[2] = "Accept";
        headers[3] = "application/json";
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return post(
                "/oauth2/v1/tokens/bearer",
                "application/x-www-form-urlencoded",
                form("grant_type", "refresh_token", "refresh_token", refreshToken),
                headers);
    }

    /** A QuickBooks access token from the initial refresh token (which rotates). */
    public String qboAccessToken() {
        HttpResponse<String> r = qboRefresh(sandbox.credentials().qboInitialRefreshToken());
        if (r.statusCode() != 200) throw new IllegalStateException("refresh failed: " + r.body());
        return json(r).get("access_token").asText();
    }

    public HttpResponse<String> qbo(String token, String pathAfterRealm) {
        return get(
                "/v3/company/" + sandbox.credentials().qboRealmId() + pathAfterRealm,
                "Authorization",
                "Bearer " + token,
                "Accept",
                "application/json");
    }

    /** A signed JWT bearer assertion; {@code key} is a PKCS#8 PEM file. */
    public static String assertion(Path key, String iss, String sub, String aud, Instant exp) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .issuer(iss)
                    .subject(sub)
                    .audience(aud)
                    .expirationTime(exp == null ? null : Date.from(exp))
                    .build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(SandboxKeys.readPrivateKey(key)));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> sfToken(String assertion) {
        return post(
                "/services/oauth2/token",
                "application/x-www-form-urlencoded",
                form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
    }

    /** A Salesforce access token from a valid JWT bearer assertion expiring in 2 minutes. */
    public String sfAccessToken(Instant now) {
        SandboxCredentials c = sandbox.credentials();
        HttpResponse<String> r = sfToken(assertion(
                c.salesforcePrivateKeyPem(),
                c.salesforceConsumerKey(),
                c.salesforceUsername(),
                "https://login.salesforce.com",
                now.plusSeconds(120)));
        if (r.statusCode() != 200) throw new IllegalStateException("JWT grant failed: " + r.body());
        return json(r).get("access_token").asText();
    }

    public HttpResponse<String> sf(String token, String pathAndQuery) {
        return get(pathAndQuery, "Authorization", "Bearer " + token);
    }

    public URI base() {
        return sandbox.baseUri();
    }
}

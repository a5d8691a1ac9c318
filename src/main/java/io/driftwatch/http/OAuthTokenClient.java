package io.driftwatch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a form to an OAuth 2.0 token endpoint with client_secret_basic client authentication and reads
 * the JSON answer. Shared by the generic client-credentials provider and vendor flows.
 *
 * <p>Failures become {@link AuthException}s whose messages name the endpoint (redacted) and, when the
 * server sent one, the OAuth {@code error} code; never a secret, never the server's free text. They are
 * permanent when the error says the client or grant itself is bad (retrying cannot help).
 */
public final class OAuthTokenClient {
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    static final Set<String> PERMANENT_ERRORS = Set.of("invalid_client", "invalid_grant", "unauthorized_client");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthServices services;

    public OAuthTokenClient(AuthServices services) {
        this.services = services;
    }

    public TokenResponse request(URI tokenUrl, Map<String, String> form, String clientId, Secret clientSecret)
            throws AuthException {
        Redactor redactor = services.redactors().get();
        String where = "token request to " + redactor.redactUrl(tokenUrl) + " failed: ";
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(tokenUrl)
                    .timeout(services.tokenTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + BasicAuthProvider.credential(clientId, clientSecret))
                    .POST(HttpRequest.BodyPublishers.ofString(UriQuery.build(form), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new AuthException(where + "invalid token URL", true);
        }
        var handler = new CappedBodyHandler(MAX_RESPONSE_BYTES, false);
        CompletableFuture<HttpResponse<BodyResult>> future =
                services.httpClient().sendAsync(request, handler);
        HttpResponse<BodyResult> response;
        try {
            response = future.get(services.tokenTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AuthException(
                    where + "no response within " + services.tokenTimeout().toMillis() + " ms", false);
        } catch (ExecutionException e) {
            TransportFailure f = FailureClassifier.classify(
                    e.getCause(),
                    tokenUrl,
                    handler.info() != null,
                    handler.bytesSeen(),
                    services.tokenTimeout(),
                    redactor);
            throw new AuthException(where + f.message(), false);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AuthException(where + "interrupted", false);
        }
        return parse(response, where);
    }

    private static TokenResponse parse(HttpResponse<BodyResult> response, String where) throws AuthException {
        BodyResult body = response.body();
        if (body.tooLarge())
            throw new AuthException(where + "response larger than " + MAX_RESPONSE_BYTES + " bytes", false);
        JsonNode json = readObject(body.body());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String error = json == null ? null : errorCode(json.path("error").asText(null));
            if (error == null) throw new AuthException(where + "HTTP " + status, false);
            throw new AuthException(where + "HTTP " + status + ", error " + error, PERMANENT_ERRORS.contains(error));
        }
        if (json == null) throw new AuthException(where + "response is not a JSON object", false);
        String token = json.path("access_token").asText("");
        if (token.isEmpty()) throw new AuthException(where + "response has no access_token", false);
        String type = json.path("token_type").asText("bearer");
        if (!type.equalsIgnoreCase("bearer")) throw new AuthException(where + "token_type is not Bearer", true);
        String refresh = json.path("refresh_token").asText(null);
        return new TokenResponse(token, seconds(json.get("expires_in")), refresh, json);
    }

    private static JsonNode readObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The OAuth error code if it looks like one (letters, digits, _ . -); anything else is not repeated. */
    private static String errorCode(String error) {
        if (error == null || error.isEmpty() || error.length() > 64) return null;
        for (int i = 0; i < error.length(); i++) {
            char c = error.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-';
            if (!ok) return null;
        }
        return error;
    }

    /** {@code expires_in} as a number or a numeric string (Intuit sends both); null otherwise. */
    private static Duration seconds(JsonNode node) {
        if (node == null) return null;
        if (node.isNumber()) return Duration.ofSeconds(node.asLong());
        if (node.isTextual()) {
            try {
                return Duration.ofSeconds(Long.parseLong(node.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

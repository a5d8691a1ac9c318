package io.driftwatch.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.AuthServices;
import io.driftwatch.http.UriQuery;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a form to a vendor token endpoint and reads the JSON answer, with the vendor-specific headers
 * {@code io.driftwatch.http.OAuthTokenClient} has no room for (Intuit's opt-in hard-expiry header, no
 * client authentication for Salesforce's JWT grant) and with the response headers kept (Intuit's
 * {@code intuit_tid}).
 *
 * <p>Transport failures become non-permanent {@link AuthException}s naming the endpoint (redacted) and
 * the kind of failure; interpreting a non-2xx answer is left to the flow, which knows its error codes.
 */
public final class VendorTokenClient {
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A token endpoint's answer; {@code json} is null when the body was not a JSON object. */
    public record Response(int status, JsonNode json, HttpResponse<?> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The OAuth {@code error} code when it looks like one (letters, digits, _ . -), else null. */
        public String errorCode() {
            String e = json == null ? null : json.path("error").asText(null);
            return e != null && e.matches("[A-Za-z0-9_.-]{1,64}") ? e : null;
        }
    }

    private final AuthServices services;

    public VendorTokenClient(AuthServices services) {
        this.services = services;
    }

    /** The safe prefix of every message about a token request to {@code url}. */
    public String where(URI url) {
        return "token request to " + services.redactors().get().redactUrl(url) + " failed: ";
    }

    public Response post(URI url, Map<String, String> form, Map<String, String> headers) throws AuthException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(url)
                    .timeout(services.tokenTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(UriQuery.build(form), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new AuthException(where(url) + "invalid token URL", true);
        }
        headers.forEach(b::header);
        CompletableFuture<HttpResponse<InputStream>> future =
                services.httpClient().sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = future.get(services.tokenTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AuthException(
                    where(url) + "no response within " + services.tokenTimeout().toMillis() + " ms", false);
        } catch (ExecutionException e) {
            throw new AuthException(where(url) + describe(e.getCause()), false);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AuthException(where(url) + "interrupted", false);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        } catch (IOException e) {
            throw new AuthException(
                    where(url) + "response body unreadable (" + e.getClass().getSimpleName() + ")", false);
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new AuthException(where(url) + "response larger than " + MAX_RESPONSE_BYTES + " bytes", false);
        }
        return new Response(response.statusCode(), readObject(body), response);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) return "timed out";
        if (cause instanceof ConnectException) return "connection refused";
        return cause == null ? "unknown error" : cause.getClass().getSimpleName();
    }

    private static JsonNode readObject(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}

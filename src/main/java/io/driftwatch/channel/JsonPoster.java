package io.driftwatch.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a JSON body and maps the answer to success or {@link DeliveryException}. Shared by the HTTP
 * channels. Error messages name the channel and the status only: the URL of a Slack, Teams or
 * PagerDuty endpoint is itself a credential.
 */
public final class JsonPoster {
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;

    public JsonPoster(HttpClient client) {
        this.client = client;
    }

    /** Sends {@code body}; returns the response body when the status is 2xx. */
    public String post(String channelName, URI url, String body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "driftwatch")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(
                    "channel '" + channelName + "': " + e.getClass().getSimpleName() + " while sending", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("channel '" + channelName + "': interrupted while sending");
        }
        int status = response.statusCode();
        if (status / 100 == 2) return response.body();
        Duration retryAfter = response.headers()
                .firstValue("retry-after")
                .flatMap(JsonPoster::seconds)
                .orElse(null);
        throw new DeliveryException(
                "channel '" + channelName + "': HTTP " + status + snippet(response.body()), retryAfter, null);
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A short, single-line excerpt of the receiver's answer (receivers explain 400s there). */
    private static String snippet(String body) {
        if (body == null || body.isBlank()) return "";
        String line = body.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (line.length() > MAX_ERROR_BODY) line = line.substring(0, MAX_ERROR_BODY) + "...";
        return ": " + line;
    }

    /** Validation helper: an absolute http(s) URL, or a problem message. */
    public static String checkUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()))
                return "must be an http or https URL";
            if (uri.getHost() == null) return "must be an absolute URL with a host";
            return null;
        } catch (java.net.URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}

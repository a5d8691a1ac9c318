package io.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * One probe response as the baseline and drift code see it: independent of the HTTP layer so this
 * package imports nothing but config (the probe layer converts an Exchange).
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header as received, or null
 * @param headers response headers by lower-case name (first value)
 * @param totalNanos total latency of the run
 * @param json the parsed body, or null when the body is not JSON
 */
public record Sample(int status, String contentType, Map<String, String> headers, long totalNanos, JsonNode json) {

    public Sample {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    /** The media type without parameters, lower case: {@code application/json;charset=UTF-8} -> {@code application/json}. */
    public String mediaType() {
        return mediaType(contentType);
    }

    public static String mediaType(String contentType) {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }
}

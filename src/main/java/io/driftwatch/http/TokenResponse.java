package io.driftwatch.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A successful OAuth 2.0 token response (RFC 6749 §5.1). {@link #toString()} hides the tokens.
 *
 * @param expiresIn lifetime from {@code expires_in} (number or numeric string), or null when absent
 * @param refreshToken the (possibly rotated) refresh token, or null
 * @param raw the whole response, for vendor fields such as Salesforce's {@code instance_url}
 */
public record TokenResponse(String accessToken, Duration expiresIn, String refreshToken, JsonNode raw) {
    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, expiresIn=" + expiresIn + "]";
    }
}

package io.driftwatch.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What auth provider factories may use. Grows as vendor flows need more (a token store port for
 * rotating refresh tokens comes next); factories take what they need and ignore the rest.
 *
 * @param httpClient for token requests (the shared client; token calls reuse its connections)
 * @param clock decides token expiry
 * @param redactors the redactor in force, for messages that might echo a server's text
 * @param tokenTimeout bound on one token request
 */
public record AuthServices(HttpClient httpClient, Clock clock, RedactorHolder redactors, Duration tokenTimeout) {
    public static final Duration DEFAULT_TOKEN_TIMEOUT = Duration.ofSeconds(10);

    public AuthServices {
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(redactors, "redactors");
        tokenTimeout = tokenTimeout == null ? DEFAULT_TOKEN_TIMEOUT : tokenTimeout;
    }

    public AuthServices(HttpClient httpClient, Clock clock, RedactorHolder redactors) {
        this(httpClient, clock, redactors, DEFAULT_TOKEN_TIMEOUT);
    }
}

package io.driftwatch.channel;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What channels share: one HTTP client (TLS verification on, as the JDK default) and the clock used for
 * signature timestamps.
 */
public record ChannelDependencies(HttpClient httpClient, Clock clock) {

    /** The production client: HTTP/1.1 and 2, 10 s connect timeout, no redirects (a webhook that
     *  redirects is misconfigured, and following it could leak the signature elsewhere). */
    public static ChannelDependencies standard(Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ChannelDependencies(client, clock);
    }
}

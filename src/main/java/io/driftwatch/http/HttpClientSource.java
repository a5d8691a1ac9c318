package io.driftwatch.http;

import java.net.http.HttpClient;

/**
 * Where {@link HttpExecutor} gets the client for one run (all attempts of it). Shared mode hands out one
 * long-lived client so connections are reused; fresh mode (benchmarks measuring connect time) builds a
 * client per run and shuts it down afterwards.
 */
public interface HttpClientSource {

    HttpClient acquire();

    /** Called once per {@link #acquire()} when the run is over. */
    default void release(HttpClient client) {}

    static HttpClientSource shared(HttpClient client) {
        return () -> client;
    }
}

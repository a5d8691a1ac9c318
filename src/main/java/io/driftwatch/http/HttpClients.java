package io.driftwatch.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Builds the {@link HttpClient}s driftwatch uses: HTTP/1.1 (vendors' behaviour and our timings are
 * defined for it), a connect timeout, redirects not followed (a probe sees the status it got), and
 * the client's dependent tasks run on its own selector thread (see {@code CALLBACKS}).
 *
 * <p>TLS verification always stays on. Pass an {@link SSLContext} only to trust an extra certificate
 * authority (a private CA, a test certificate); null means the JDK default trust store.
 */
public final class HttpClients {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The clients' dependent tasks (delivering response bytes to the body subscriber, completing the
     * response future) run at once on the client's own selector thread, where the bytes arrive. The end
     * of a response is timed in that task ({@link CappedBodySubscriber}), so no hand-off to another
     * thread sits between the last byte and its timestamp, and a run costs fewer thread wake-ups. Probe
     * runs wait in {@code send} on their own thread (for {@code sendAsync} the client adds a hop to the
     * common pool), token requests on the returned future; no caller attaches dependent stages, and the
     * body subscribers only copy bytes. TLS work runs there too, a new connection's handshake included: a
     * millisecond or two per handshake, rare with kept-alive connections to a few vendor hosts.
     */
    private static final Executor CALLBACKS = Runnable::run;

    /** The JDK client's connection pool bound ({@code jdk.httpclient.connectionPoolSize}) set by default. */
    public static final String POOL_SIZE_PROPERTY = "jdk.httpclient.connectionPoolSize";

    public static final int DEFAULT_POOL_SIZE = 64;

    private HttpClients() {}

    /**
     * Bounds the JDK client's pool of idle connections (all hosts together) at {@link #DEFAULT_POOL_SIZE}
     * unless {@code properties} already set it; call before the first client exists (the JDK reads it
     * once). The pool hands out its oldest idle connection first, so every connection opened in a burst
     * (probes piling up behind a pause, a slow vendor) keeps being reused in turn and never reaches its
     * idle timeout: with 5,000 probes the daemon kept about 195 connections open to one host where a few
     * dozen at most are busy at once, each holding a 16 KB read buffer, and returning a connection walks a
     * list as long as the pool. Past the bound, the connection idle longest is closed instead of kept.
     */
    public static void boundConnectionPool(java.util.Properties properties) {
        if (properties.getProperty(POOL_SIZE_PROPERTY) == null) {
            properties.setProperty(POOL_SIZE_PROPERTY, Integer.toString(DEFAULT_POOL_SIZE));
        }
    }

    private static final class Default {
        static final HttpClient CLIENT = newShared(null, DEFAULT_CONNECT_TIMEOUT);
    }

    /** The process-wide client with the default trust store; keeps connections alive between runs. */
    public static HttpClient shared() {
        return Default.CLIENT;
    }

    /** A new long-lived client; keep one per trust configuration and reuse it for every run. */
    public static HttpClient newShared(SSLContext sslContext, Duration connectTimeout) {
        return builder(sslContext, connectTimeout).build();
    }

    /**
     * One new client (so one new connection) per run, shut down when the run ends. For benchmarks that
     * measure connect time; far too costly for the daemon (each client starts a selector thread).
     */
    public static HttpClientSource freshPerRun(SSLContext sslContext, Duration connectTimeout) {
        return new HttpClientSource() {
            @Override
            public HttpClient acquire() {
                return newShared(sslContext, connectTimeout);
            }

            @Override
            public void release(HttpClient client) {
                client.shutdownNow();
            }
        };
    }

    static HttpClient.Builder builder(SSLContext sslContext, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(CALLBACKS);
        if (sslContext != null) b.sslContext(sslContext);
        return b;
    }
}

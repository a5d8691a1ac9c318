package io.driftwatch.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP server (JDK HttpServer on virtual threads). Routes are registered by exact path or
 * by prefix ending in "/"; the longest match wins. Handlers that throw get a 500 without details.
 */
public final class DaemonServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public DaemonServer(String host, int port) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** {@code path} is exact ("/healthz") or a prefix ending in "/" ("/api/v1/probes/"). */
    public DaemonServer route(String path, Route route) {
        synchronized (routes) {
            routes.put(path, route);
        }
        return this;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Route best = null;
        String tail = "";
        int bestLen = -1;
        synchronized (routes) {
            for (var e : routes.entrySet()) {
                String key = e.getKey();
                boolean exact = key.equals(path);
                boolean prefix = key.endsWith("/") && path.startsWith(key) && key.length() > 1;
                if ((exact || prefix) && key.length() > bestLen) {
                    best = e.getValue();
                    bestLen = key.length();
                    tail = exact ? "" : path.substring(key.length());
                }
            }
        }
        try (ex) {
            if (best == null) {
                Http.error(ex, 404, "not found: " + path);
                return;
            }
            best.handle(ex, tail);
        } catch (RuntimeException | IOException e) {
            LOG.warn("request {} {} failed: {}", ex.getRequestMethod(), path, e.toString());
            try {
                Http.error(ex, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                // the response may already be committed; nothing more to do
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

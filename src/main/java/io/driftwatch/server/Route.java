package io.driftwatch.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One endpoint of the daemon. {@code tail} is the path after the route's prefix ("" for exact). */
@FunctionalInterface
public interface Route {
    void handle(HttpExchange exchange, String tail) throws IOException;
}

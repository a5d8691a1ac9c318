package io.driftwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.vendor.ConnectionReport;
import io.driftwatch.vendor.VendorSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TreeMap;

/** {@code GET /api/v1/connections}: each configured connection's auth state and quota, no secrets. */
final class ConnectionsApi {
    private ConnectionsApi() {}

    static ArrayNode json(Engine engine) {
        VendorSupport vendors = engine.vendorSupport();
        Instant now = engine.clock().instant();
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (ConnectionDefinition c : new TreeMap<>(engine.active().connections()).values()) {
            arr.add(ConnectionReport.json(
                    c, vendors.authStatuses().get(c.id()), vendors.quotas().ratio(c.id()), now));
        }
        return arr;
    }

    static void respond(HttpExchange ex, Engine engine) throws IOException {
        // The redactor is a last line of defence: the report is built from secret-free sources.
        byte[] bytes = engine.redactor().redact(json(engine).toString()).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package io.driftwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.driftwatch.alert.AlertState;
import io.driftwatch.alert.AlertingRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** {@code GET /api/v1/alerts}: open alerts (pending, firing, resolving) from the alert state table. */
final class AlertsApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertsApi() {}

    static void respond(HttpExchange ex, AlertingRuntime alerting) throws IOException {
        int status = 200;
        String body;
        try {
            ArrayNode arr = MAPPER.createArrayNode();
            for (AlertState s : alerting.engine().states().open()) {
                var n = arr.addObject();
                n.put("alertKey", s.alertKey);
                n.put("probe", s.probeId);
                n.put("kind", s.kind);
                n.put("vendor", s.vendor);
                n.put("status", s.status.name().toLowerCase(java.util.Locale.ROOT));
                n.put("severity", s.severity);
                n.put("since", s.firstFailureAt == null ? null : s.firstFailureAt.toString());
                n.put("runs", s.incidentRuns);
            }
            body = arr.toString();
        } catch (SQLException e) {
            status = 503;
            body = "{\"error\":\"alert store unavailable\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package io.driftwatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ResultBoard;
import io.driftwatch.probe.ResultJson;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Health, readiness, metrics and the probe API.
 *
 * <p>{@code /readyz} is 200 once configuration is loaded and the scheduler runs. {@code /api/v1/probes}
 * lists every loaded probe with its latest result (null before the first run); {@code
 * /api/v1/probes/{id}} adds recent history from the store and the probe's baseline (file, age, latency
 * p95) or null.
 */
public final class CoreRoutes {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CoreRoutes() {}

    public static void register(
            DaemonServer server,
            DriftwatchMetrics metrics,
            ResultBoard board,
            Supplier<Collection<ProbeDefinition>> probes,
            BooleanSupplier ready,
            BiFunction<String, Integer, ArrayNode> history,
            Function<String, JsonNode> baseline,
            UnaryOperator<String> redact) {
        server.route("/healthz", (ex, tail) -> Http.send(ex, 200, "text/plain; charset=utf-8", "ok\n"));
        server.route("/readyz", (ex, tail) -> {
            if (ready.getAsBoolean()) Http.send(ex, 200, "text/plain; charset=utf-8", "ready\n");
            else Http.send(ex, 503, "text/plain; charset=utf-8", "not ready\n");
        });
        server.route(
                "/metrics",
                (ex, tail) -> Http.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.route("/api/v1/probes", (ex, tail) -> {
            ArrayNode arr = MAPPER.createArrayNode();
            probes.get().stream()
                    .sorted(Comparator.comparing(ProbeDefinition::id))
                    .forEach(p -> arr.add(summary(p, board, redact)));
            Http.json(ex, 200, arr.toString());
        });
        server.route("/api/v1/probes/", (ex, tail) -> {
            String id = tail;
            ProbeDefinition probe = probes.get().stream()
                    .filter(p -> p.id().equals(id))
                    .findFirst()
                    .orElse(null);
            if (probe == null) {
                Http.error(ex, 404, "no probe with id '" + id + "'");
                return;
            }
            ObjectNode node = summary(probe, board, redact);
            JsonNode b = baseline.apply(id);
            if (b == null) node.putNull("baseline");
            else node.set("baseline", b);
            node.set("history", history.apply(id, 50));
            Http.json(ex, 200, node.toString());
        });
    }

    static ObjectNode summary(ProbeDefinition p, ResultBoard board, UnaryOperator<String> redact) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", p.id());
        node.put("description", p.description());
        node.put("connection", p.connection());
        node.put("schedule", describe(p.schedule()));
        board.latest(p.id())
                .ifPresentOrElse(r -> node.set("latest", ResultJson.toJson(r, redact)), () -> node.putNull("latest"));
        return node;
    }

    /** "every 1m" or "cron <expression> <zone>", as the API and pages show a schedule. */
    public static String describe(io.driftwatch.config.Schedule schedule) {
        return switch (schedule) {
            case io.driftwatch.config.Schedule.Every e ->
                "every " + io.driftwatch.probe.checks.Durations.format(e.interval());
            case io.driftwatch.config.Schedule.Cron c -> "cron " + c.expression() + " " + c.zone();
        };
    }
}

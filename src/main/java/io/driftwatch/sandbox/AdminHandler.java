package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /__admin/} is an HTML page with the active scenarios, counters and the inbox. {@code
 * /__admin/inbox}: POST stores a JSON notification (a webhook target), GET lists them newest first,
 * DELETE empties it. {@code /__admin/scenario}: GET lists active and available scenarios, POST {@code {"scenario": name,
 * "params": {...}}} switches one on, DELETE resets all, DELETE {@code /__admin/scenario/{name}} switches
 * one off. {@code GET /__admin/stats} shows {@link SandboxStats}. Unauthenticated: the sandbox listens
 * on loopback only.
 */
final class AdminHandler {
    static final String PREFIX = "/__admin";

    private final SandboxContext ctx;

    AdminHandler(SandboxContext ctx) {
        this.ctx = ctx;
    }

    SandboxResponse handle(SandboxRequest req) {
        String path = req.path();
        if ((path.equals(PREFIX) || path.equals(PREFIX + "/")) && req.method().equals("GET")) {
            return SandboxResponse.text(200, "text/html; charset=utf-8", HtmlPages.dashboard(ctx));
        }
        if (path.equals(PREFIX + "/inbox")) {
            return switch (req.method()) {
                case "GET" -> inboxListing();
                case "POST" -> receive(req);
                case "DELETE" -> {
                    ctx.inbox.clear();
                    yield inboxListing();
                }
                default -> problem(405, "use GET, POST or DELETE");
            };
        }
        if (path.equals(PREFIX + "/stats") && req.method().equals("GET")) {
            return SandboxResponse.json(200, Json.MAPPER.valueToTree(ctx.counters.snapshot(ctx.qboLimiter)));
        }
        if (path.equals(PREFIX + "/scenario")) {
            return switch (req.method()) {
                case "GET" -> listing();
                case "POST" -> activate(req);
                case "DELETE" -> {
                    ctx.scenarios.reset();
                    yield listing();
                }
                default -> problem(405, "use GET, POST or DELETE");
            };
        }
        if (path.startsWith(PREFIX + "/scenario/") && req.method().equals("DELETE")) {
            String name = path.substring((PREFIX + "/scenario/").length());
            ScenarioKind kind;
            try {
                kind = ScenarioKind.of(name);
            } catch (IllegalArgumentException e) {
                return problem(404, e.getMessage());
            }
            ctx.scenarios.remove(kind);
            return listing();
        }
        return problem(404, "no admin resource " + path);
    }

    private SandboxResponse activate(SandboxRequest req) {
        JsonNode body;
        try {
            body = Json.parse(req.body());
        } catch (IOException e) {
            return problem(400, "body must be JSON: {\"scenario\": name, \"params\": {...}}");
        }
        String name = body.path("scenario").asText("");
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.path("params").properties()) {
            params.put(
                    e.getKey(),
                    e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        }
        try {
            ctx.activate(Scenario.of(name, params));
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
        return listing();
    }

    private SandboxResponse receive(SandboxRequest req) {
        JsonNode body;
        try {
            body = Json.parse(req.body());
        } catch (IOException e) {
            return problem(400, "body must be JSON");
        }
        SandboxInbox.Message m = ctx.inbox.add(
                ctx.now(), req.header("x-driftwatch-channel"), req.header("x-driftwatch-signature") != null, body);
        ObjectNode ack = Json.object();
        ack.put("received", m.seq());
        return SandboxResponse.json(202, ack);
    }

    private SandboxResponse inboxListing() {
        ObjectNode body = Json.object();
        body.put("received", ctx.inbox.received());
        ArrayNode messages = body.putArray("messages");
        for (SandboxInbox.Message m : ctx.inbox.messages()) {
            ObjectNode o = messages.addObject();
            o.put("seq", m.seq());
            o.put("receivedAt", m.receivedAt().toString());
            if (m.channel() != null) o.put("channel", m.channel());
            o.put("signed", m.signed());
            o.set("body", m.body());
        }
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse listing() {
        ObjectNode body = Json.object();
        ArrayNode active = body.putArray("active");
        for (Scenario s : ctx.scenarios.list()) {
            ObjectNode o = active.addObject();
            o.put("scenario", s.name());
            ObjectNode p = o.putObject("params");
            s.params().forEach(p::put);
        }
        ArrayNode available = body.putArray("available");
        for (ScenarioKind k : ScenarioKind.values()) {
            ObjectNode o = available.addObject();
            o.put("scenario", k.key());
            o.put("description", k.description());
        }
        return SandboxResponse.json(200, body);
    }

    private static SandboxResponse problem(int status, String message) {
        ObjectNode body = Json.object();
        body.put("error", message);
        return SandboxResponse.json(status, body);
    }
}

package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /street-address}: Smarty US Street (VENDORS.md §3). Secret-key auth with {@code auth-id} and
 * {@code auth-token} query parameters; GET for one lookup from query parameters, POST for a JSON array
 * of up to 100 lookups. 200 with a candidate array ({@code []} when nothing matched); errors as {@code
 * {"errors":[{"message":...}]}} with 400, 401, 402, 413, 422 and 429 (with {@code Retry-After}).
 */
final class SmartyHandler {
    static final String PATH = "/street-address";
    static final int MAX_BATCH = 100;
    private static final RecordMutations MUTATIONS =
            new RecordMutations("delivery_line_1", "metadata.latitude", "components", null);

    private final SandboxContext ctx;
    private final SandboxContext.ErrorShapes shapes = new SandboxContext.ErrorShapes() {
        @Override
        public SandboxResponse throttled(Scenario storm) {
            return error(429, "Too Many Requests: The rate limit for the credentials or the source has been exceeded.")
                    .withHeader("Retry-After", storm.param("retryAfter", "5"));
        }

        @Override
        public SandboxResponse serverError(int status) {
            return error(status, "Internal Server Error");
        }
    };

    SmartyHandler(SandboxContext ctx) {
        this.ctx = ctx;
    }

    /** The answer, or null when the request is hung and must be dropped unanswered. */
    SandboxResponse handle(SandboxRequest req) throws InterruptedException {
        ctx.counters.smartyRequests.incrementAndGet();
        if (!ctx.stall(SandboxVendor.SMARTY)) return null;
        SandboxCredentials c = ctx.credentials;
        String id = req.param("auth-id");
        String token = req.param("auth-token");
        boolean active = c.smartyAuthId().equals(id) && c.smartyAuthToken().equals(token);
        boolean lapsed =
                c.smartyLapsedAuthId().equals(id) && c.smartyLapsedAuthToken().equals(token);
        if ((!active && !lapsed) || ctx.scenarios.on(ScenarioKind.REVOKED_TOKEN, SandboxVendor.SMARTY)) {
            return error(
                    401,
                    "Unauthorized: The credentials were provided incorrectly or did not match any existing,"
                            + " active credentials.");
        }
        if (lapsed) {
            return error(
                    402,
                    "Payment Required: There is no active subscription for the account associated with the"
                            + " credentials submitted with the request.");
        }
        Optional<SandboxResponse> failure = ctx.preempt(SandboxVendor.SMARTY, shapes);
        if (failure.isPresent()) return failure.get();
        ArrayNode out = Json.array();
        if (req.method().equals("GET")) {
            if (blank(req.param("street"))) return malformed();
            ObjectNode lookup = Json.object();
            req.query().forEach((k, v) -> lookup.put(k, v.get(0)));
            if (!locatable(lookup)) {
                return error(422, "Unprocessable Entity (Unprocessable JSON): A GET request lacked required fields.");
            }
            answer(lookup, 0, out);
        } else if (req.method().equals("POST")) {
            JsonNode body;
            try {
                body = Json.parse(req.body());
            } catch (IOException e) {
                return malformed();
            }
            if (!body.isArray() || body.isEmpty()) return malformed();
            if (body.size() > MAX_BATCH) {
                return error(413, "Request Entity Too Large: The request body has exceeded the maximum size.");
            }
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i) instanceof ObjectNode lookup) answer(lookup, i, out);
            }
        } else {
            return error(405, "Method Not Allowed: use GET or POST");
        }
        MUTATIONS.apply(ctx.scenarios, SandboxVendor.SMARTY, out);
        return SandboxResponse.json(200, out);
    }

    /** Appends the candidates for one lookup; nothing when it matched no address and match is not invalid. */
    private static void answer(ObjectNode lookup, int index, ArrayNode out) {
        var text = new StringBuilder();
        for (String f : new String[] {"street", "street2", "secondary", "city", "state", "zipcode", "lastline"}) {
            if (lookup.hasNonNull(f)) text.append(lookup.get(f).asText()).append(' ');
        }
        String inputId = lookup.hasNonNull("input_id") ? lookup.get("input_id").asText() : null;
        String addressee =
                lookup.hasNonNull("addressee") ? lookup.get("addressee").asText() : null;
        SmartyAddressBook.Known known = SmartyAddressBook.match(text.toString());
        if (known != null) {
            out.add(SmartyAddressBook.candidate(known, index, inputId, addressee));
        } else if (lookup.hasNonNull("match") && lookup.get("match").asText().equals("invalid")) {
            ObjectNode c = out.addObject();
            if (inputId != null) c.put("input_id", inputId);
            c.put("input_index", index);
            c.put("candidate_index", 0);
            c.put(
                    "delivery_line_1",
                    SmartyAddressBook.normalize(lookup.path("street").asText()));
            c.putObject("components");
            c.putObject("metadata");
            ObjectNode analysis = c.putObject("analysis");
            analysis.put("dpv_match_code", "N");
            analysis.put("dpv_footnotes", "A1");
        }
    }

    /** A GET lookup needs a ZIP, a city and state, a last line, or a free-form street with a comma. */
    private static boolean locatable(ObjectNode lookup) {
        return !blank(lookup.path("zipcode").asText(null))
                || !blank(lookup.path("lastline").asText(null))
                || (!blank(lookup.path("city").asText(null))
                        && !blank(lookup.path("state").asText(null)))
                || lookup.path("street").asText("").contains(",");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static SandboxResponse malformed() {
        return error(
                400,
                "Bad Request (Malformed Payload): A GET request lacked a street field or the request body of"
                        + " a POST request contained malformed JSON.");
    }

    static SandboxResponse error(int status, String message) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("message", message);
        return SandboxResponse.json(status, body);
    }
}

package io.driftwatch.vendor.smarty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.vendor.Vendor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Smarty US Street ({@code vendor: smarty}). A single lookup (GET) always carries {@code match} and
 * {@code candidates} (connection settings, default {@code strict} and {@code 1}: the SDKs' own defaults
 * differ from the API's, so never rely on either). Status codes become findings with Smarty's meaning
 * (VENDORS.md §3); 200 with {@code []} is only an INFO note, since "no match" is an answer: a probe that
 * expects a match says so with an assertion. 429 waits for {@code Retry-After} in the executor.
 */
public final class SmartyVendor implements Vendor {
    public static final String CHECK = "vendor";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "smarty";
    }

    @Override
    public OutgoingRequest prepare(ConnectionDefinition connection, OutgoingRequest request) {
        if (!request.method().equals("GET")) return request;
        String query =
                request.uri().getRawQuery() == null ? "" : "&" + request.uri().getRawQuery();
        OutgoingRequest out = request;
        if (!query.contains("&match=")) out = out.withQueryParam("match", setting(connection, "match", "strict"));
        if (!query.contains("&candidates=")) {
            out = out.withQueryParam("candidates", setting(connection, "candidates", "1"));
        }
        return out;
    }

    @Override
    public List<Finding> inspect(ConnectionDefinition connection, Exchange exchange) {
        int status = exchange.status();
        if (status == 200) return noMatch(exchange);
        String meaning = switch (status) {
            case 400 -> "malformed request: a GET without street, or a POST body that is not valid JSON";
            case 401 -> "credentials rejected: check auth-id and auth-token";
            case 402 -> "subscription or payment required: the account has no active subscription";
            case 403 -> "forbidden: the key may not call this API (embedded keys: check the referring host)";
            case 413 -> "request too large: at most 100 lookups per batch";
            case 422 -> "lookup lacks required fields: send a ZIP code, or city and state, with the street";
            case 429 -> "too many requests: slowed down (Retry-After honoured)";
            default -> status >= 500 ? "Smarty server error" : null;
        };
        if (meaning == null) return List.of();
        String kind = switch (status) {
            case 401, 403 -> FindingKind.AUTH;
            case 402, 429 -> FindingKind.QUOTA;
            default -> FindingKind.VENDOR_ERROR;
        };
        Finding f = Finding.fail(CHECK, kind, "Smarty " + status + ": " + meaning);
        String said = errors(exchange.body());
        if (!said.isEmpty()) f = f.withEvidence("errors", said);
        String retryAfter = exchange.header("retry-after");
        if (retryAfter != null) f = f.withEvidence("retryAfter", retryAfter);
        return List.of(f);
    }

    private static List<Finding> noMatch(Exchange exchange) {
        JsonNode body = read(exchange.body());
        if (body == null || !body.isArray() || !body.isEmpty()) return List.of();
        return List.of(new Finding(
                CHECK, FindingKind.VENDOR_ERROR, Level.INFO, "Smarty found no candidate for the address", Map.of()));
    }

    /** Smarty's {@code {"errors":[{"message":...}]}} messages joined, or "". */
    private static String errors(byte[] body) {
        JsonNode n = read(body);
        if (n == null) return "";
        var messages = new ArrayList<String>();
        for (JsonNode e : n.path("errors")) messages.add(e.path("message").asText());
        String joined = String.join("; ", messages);
        return joined.length() > 300 ? joined.substring(0, 300) : joined;
    }

    private static JsonNode read(byte[] body) {
        if (body.length == 0) return null;
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String setting(ConnectionDefinition c, String key, String fallback) {
        String v = c.settings().get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}

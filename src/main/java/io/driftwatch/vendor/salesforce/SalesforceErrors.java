package io.driftwatch.vendor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Salesforce REST error bodies: a JSON array of {@code {"message", "errorCode", "fields"}}
 * (VENDORS.md §2.4). Anything else (a records object, HTML, an OAuth error object) yields nothing.
 */
final class SalesforceErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    record ApiError(String errorCode, String message, List<String> fields) {}

    private SalesforceErrors() {}

    static List<ApiError> parse(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) i++;
        if (i >= body.length || body[i] != '[') return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        var out = new ArrayList<ApiError>();
        for (JsonNode e : root) {
            if (!e.isObject() || !e.has("errorCode")) continue;
            var fields = new ArrayList<String>();
            for (JsonNode f : e.path("fields")) fields.add(f.asText());
            out.add(new ApiError(e.path("errorCode").asText(), e.path("message").asText(null), List.copyOf(fields)));
        }
        return out;
    }
}

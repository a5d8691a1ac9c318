package io.driftwatch.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One incoming request, read fully.
 *
 * @param path the raw path, not decoded
 * @param query decoded query parameters ({@code +} and {@code %20} both mean a space), in order
 * @param headers lower-case header names
 */
@SuppressWarnings("ArrayRecordComponent") // read once, never mutated
record SandboxRequest(
        String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {

    SandboxRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header (any case), or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as an {@code application/x-www-form-urlencoded} form. */
    Map<String, String> form() {
        var out = new LinkedHashMap<String, String>();
        parsePairs(bodyText()).forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    /** Decodes {@code a=1&b=x+y} into ordered name to values. */
    static Map<String, List<String>> parsePairs(String raw) {
        var out = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}

package io.driftwatch.probe;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.http.UriQuery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a probe's request spec into an {@link OutgoingRequest}: base URL + path (an absolute URL in
 * {@code path} wins), query parameters appended, connection headers then probe headers (probe wins),
 * {@code Content-Type: application/json} when a body is given without one.
 */
public final class RequestBuilder {
    private RequestBuilder() {}

    public static OutgoingRequest build(ConnectionDefinition connection, RequestSpec spec) {
        URI uri = resolve(connection.baseUrl(), spec.path());
        if (!spec.query().isEmpty()) {
            String extra = UriQuery.build(spec.query());
            String s = uri.toString();
            uri = URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + extra);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("User-Agent", List.of("driftwatch"));
        connection.headers().forEach((k, v) -> put(headers, k, v));
        spec.headers().forEach((k, v) -> put(headers, k, v));
        byte[] body = spec.body() == null ? null : spec.body().getBytes(StandardCharsets.UTF_8);
        if (body != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return new OutgoingRequest(spec.method().toUpperCase(Locale.ROOT), uri, headers, body);
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
    }

    static URI resolve(URI base, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) return URI.create(path);
        String b = base == null ? "" : base.toString();
        if (b.endsWith("/") && path.startsWith("/")) return URI.create(b + path.substring(1));
        if (!b.endsWith("/") && !path.startsWith("/") && !path.isEmpty()) return URI.create(b + "/" + path);
        return URI.create(b + path);
    }
}

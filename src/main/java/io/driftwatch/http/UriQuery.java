package io.driftwatch.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds query strings with RFC 3986 percent-encoding (spaces as %20, not +). */
public final class UriQuery {
    private UriQuery() {}

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String build(Map<String, String> params) {
        var sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (!sb.isEmpty()) sb.append('&');
            sb.append(encode(k)).append('=').append(encode(v));
        });
        return sb.toString();
    }

    /** Returns {@code uri} with {@code name=value} appended to its raw query (existing pairs kept). */
    public static URI with(URI uri, String name, String value) {
        String pair = encode(name) + "=" + encode(value);
        String raw = uri.getRawQuery();
        String s = uri.toString();
        int hash = s.indexOf('#');
        String base = hash >= 0 ? s.substring(0, hash) : s;
        String joined =
                raw == null || raw.isEmpty() ? (base.endsWith("?") ? base : base + "?") + pair : base + "&" + pair;
        return URI.create(joined);
    }
}

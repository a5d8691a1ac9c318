package io.driftwatch.vendor;

import io.driftwatch.http.Exchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic exchanges for inspecting fixed vendor bodies. */
final class Exchanges {
    private Exchanges() {}

    static Exchange of(int status, String body, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2)
            h.put(headers[i].toLowerCase(java.util.Locale.ROOT), List.of(headers[i + 1]));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String requestId = h.containsKey("intuit_tid") ? h.get("intuit_tid").get(0) : null;
        return new Exchange(
                Instant.parse("2026-07-20T17:00:00Z"),
                "GET",
                "https://example.test/path",
                status,
                h,
                bytes,
                bytes.length,
                0,
                0,
                1,
                null,
                null,
                requestId);
    }

    static Exchange at(String url, int status, String body) {
        Exchange e = of(status, body);
        return new Exchange(
                e.startedAt(), "GET", url, status, Map.of(), e.body(), e.bodyBytes(), 0, 0, 1, null, null, null);
    }
}

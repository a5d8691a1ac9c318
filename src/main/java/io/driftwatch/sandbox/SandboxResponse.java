package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers. Headers are added by name (one value each); {@code Content-Type} comes from
 * {@link #contentType()} and is omitted when null.
 */
@SuppressWarnings("ArrayRecordComponent") // built once, written once
record SandboxResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    SandboxResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    static SandboxResponse json(int status, JsonNode node) {
        return new SandboxResponse(status, "application/json;charset=UTF-8", Map.of(), Json.bytes(node));
    }

    static SandboxResponse text(int status, String contentType, String body) {
        return new SandboxResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse empty(int status) {
        return new SandboxResponse(status, null, Map.of(), new byte[0]);
    }

    /** A copy with one more header (replacing any of the same name). */
    SandboxResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, contentType, copy, body);
    }
}

package io.driftwatch.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request about to be sent, before auth is applied. Auth providers and vendors return modified
 * copies; nothing mutates it in place.
 *
 * @param headers header name to values, in insertion order
 */
public record OutgoingRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public OutgoingRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    public OutgoingRequest withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new OutgoingRequest(method, uri, copy, body);
    }

    /** Adds or replaces one query parameter (value is URL-encoded here). */
    public OutgoingRequest withQueryParam(String name, String value) {
        return new OutgoingRequest(method, UriQuery.with(uri, name, value), headers, body);
    }

    public OutgoingRequest withUri(URI newUri) {
        return new OutgoingRequest(method, newUri, headers, body);
    }
}

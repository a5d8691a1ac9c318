package io.driftwatch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys each section of a probe or connection file accepts, in the order messages list them. The JSON
 * Schemas under {@code src/main/resources/schema/} must declare exactly these properties; a test holds the
 * two together.
 */
final class ConfigKeys {

    /** Section path ({@code ""} = the document, {@code []} = each item of a list) to its allowed keys. */
    static final Map<String, List<String>> PROBE;

    /** The sections of a connection file; auth sections are keyed {@code auth:<type>}. */
    static final Map<String, List<String>> CONNECTION;

    static final List<String> GENERIC_AUTH_TYPES =
            List.of("none", "basic", "bearer", "api-key", "oauth2-client-credentials");

    static {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put(
                "",
                List.of(
                        "id",
                        "description",
                        "connection",
                        "schedule",
                        "request",
                        "expect",
                        "alert",
                        "labels",
                        "runbook",
                        "kind",
                        "source",
                        "target",
                        "tolerance"));
        p.put("schedule", List.of("every", "cron", "zone"));
        p.put(
                "request",
                List.of(
                        "method",
                        "path",
                        "query",
                        "headers",
                        "body",
                        "timeout",
                        "retries",
                        "maxBodySize",
                        "captureBodyOnFailure",
                        "paginate"));
        p.put("request.retries", List.of("attempts", "backoff", "maxBackoff"));
        p.put("request.paginate", List.of("maxPages"));
        p.put("expect", List.of("status", "latency", "contentType", "certificate", "assertions", "schema", "totals"));
        p.put("expect.latency", List.of("max", "degraded", "drift"));
        p.put("expect.latency.drift", List.of("window", "ratio", "severity"));
        p.put("expect.certificate", List.of("minDays"));
        p.put(
                "expect.assertions[]",
                List.of("path", "exists", "equals", "matches", "lessThan", "greaterThan", "length", "type"));
        p.put(
                "expect.schema",
                List.of(
                        "baseline",
                        "file",
                        "maxMissingRequired",
                        "absentOptionalIsBreaking",
                        "severities",
                        "ignore",
                        "enums"));
        p.put(
                "expect.totals[]",
                List.of("name", "records", "key", "sum", "minus", "plus", "equals", "tolerance", "currency"));
        p.put("alert", List.of("severity", "route"));
        List<String> side =
                List.of("name", "connection", "request", "file", "records", "nextPage", "key", "amount", "currency");
        p.put("source", side);
        p.put("target", side);
        PROBE = java.util.Collections.unmodifiableMap(p);

        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put(
                "",
                List.of(
                        "id",
                        "vendor",
                        "baseUrl",
                        "headers",
                        "maxConcurrency",
                        "reuseConnections",
                        "settings",
                        "auth"));
        c.put("auth:none", List.of("type"));
        c.put("auth:basic", List.of("type", "username", "password", "passwordFile"));
        c.put("auth:bearer", List.of("type", "token", "tokenFile"));
        c.put("auth:api-key", List.of("type", "name", "value", "valueFile", "in"));
        c.put(
                "auth:oauth2-client-credentials",
                List.of("type", "tokenUrl", "clientId", "clientSecret", "clientSecretFile", "scope"));
        CONNECTION = java.util.Collections.unmodifiableMap(c);
    }

    private ConfigKeys() {}

    static List<String> probe(String section) {
        return PROBE.get(section);
    }
}

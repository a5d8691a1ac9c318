package io.driftwatch.config;

import java.net.URI;
import java.util.Map;

/**
 * A connection file under {@code probes/connections/}: where and how probes reach one system.
 *
 * @param id the file name without extension, or its {@code id:} key
 * @param vendor {@code generic}, {@code quickbooks}, {@code salesforce} or {@code smarty}
 * @param maxConcurrency runs in flight at once through this connection (QuickBooks allows 10 per realm)
 * @param settings vendor-specific plain settings (realm id, API version, minorversion...)
 * @param reuseConnections true (the default) to keep connections alive between runs; false opens a fresh
 *     connection for every run, so each run pays (and its latency shows) connect time, as blackbox_exporter's do
 */
public record ConnectionDefinition(
        String id,
        String vendor,
        URI baseUrl,
        Map<String, String> headers,
        AuthSpec auth,
        int maxConcurrency,
        Map<String, String> settings,
        SourceLocation source,
        boolean reuseConnections) {

    public static final int DEFAULT_MAX_CONCURRENCY = 10;

    /** A connection that keeps its connections alive between runs (the default). */
    public ConnectionDefinition(
            String id,
            String vendor,
            URI baseUrl,
            Map<String, String> headers,
            AuthSpec auth,
            int maxConcurrency,
            Map<String, String> settings,
            SourceLocation source) {
        this(id, vendor, baseUrl, headers, auth, maxConcurrency, settings, source, true);
    }

    public ConnectionDefinition {
        headers = OrderedMaps.copy(headers);
        settings = OrderedMaps.copy(settings);
        auth = auth == null ? new AuthSpec.None() : auth;
    }

    /** Header values may hold substituted secrets: only their names are shown. */
    @Override
    public String toString() {
        return "ConnectionDefinition[id=" + id + ", vendor=" + vendor + ", baseUrl=" + baseUrl + ", headers="
                + headers.keySet() + ", auth=" + auth + ", maxConcurrency="
                + maxConcurrency + ", settings=" + settings.keySet() + ", reuseConnections=" + reuseConnections
                + ", source="
                + source + "]";
    }
}

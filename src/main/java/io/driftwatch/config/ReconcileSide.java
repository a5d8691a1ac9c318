package io.driftwatch.config;

import java.nio.file.Path;

/**
 * One side of a {@code kind: reconcile} probe: where its records come from (a request through a
 * connection, or a JSON file) and how to read them. Paths are JSONPaths checked at load.
 *
 * @param name how findings call this side ({@code salesforce}); null: the role ({@code source}, {@code target})
 * @param connection a connection id, with {@code request}; null for a file side
 * @param request the request fetching the first page; null for a file side
 * @param file a JSON file holding the payload, resolved against the probe file's folder; null for a request side
 * @param records JSONPath selecting the records in each page; null: an array payload is its records, anything
 *     else is one record
 * @param nextPage JSONPath to the next page's URL (a path under the connection, e.g. Salesforce's
 *     {@code nextRecordsUrl}); followed while present; null: one page
 * @param key JSONPath to the join key, relative to a record
 * @param amount JSONPath to the amount, relative to a record (every number matched is summed)
 * @param currency JSONPath to the record's currency code, or null
 */
public record ReconcileSide(
        String name,
        String connection,
        RequestSpec request,
        Path file,
        String records,
        String nextPage,
        String key,
        String amount,
        String currency) {

    /** The name findings use: {@code name}, else the role. */
    public String nameOr(String role) {
        return name == null || name.isBlank() ? role : name;
    }
}

package io.driftwatch.vendor.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Intuit token-response numbers, which arrive as numbers or as numeric strings (VENDORS.md §1.3). */
final class QuickBooksTokenFields {
    private QuickBooksTokenFields() {}

    /** {@code node} as seconds, or null when absent or not a whole number. */
    static Duration seconds(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isIntegralNumber()) return Duration.ofSeconds(node.asLong());
        if (node.isTextual()) {
            try {
                return Duration.ofSeconds(Long.parseLong(node.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}

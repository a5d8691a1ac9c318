package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ReconcileSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading one side of a reconcile definition ({@link ReconcileSide}): its records, next page and paths. */
public final class Sides {
    private Sides() {}

    /** The next page's path or URL named by {@code nextPage} in {@code page}; empty on the last page. */
    public static Optional<String> nextPageOf(ReconcileSide side, JsonNode page) {
        if (side.nextPage() == null || side.nextPage().isBlank()) return Optional.empty();
        for (Object match : JsonPathExpr.compile(side.nextPage()).read(page)) {
            String text = match instanceof JsonNode node
                    ? (node.isTextual() ? node.asText() : null)
                    : match instanceof String string ? string : null;
            if (text != null && !text.isBlank()) return Optional.of(text);
        }
        return Optional.empty();
    }

    static SidePaths paths(ReconcileSide side) {
        return SidePaths.compile(side.key(), side.amount(), side.currency());
    }

    /**
     * The records of one payload (one page): what {@code records} selects, or with no selector, an
     * array's elements or the payload itself.
     */
    static List<JsonNode> select(ReconcileSide side, JsonNode payload) {
        List<JsonNode> out = new ArrayList<>();
        if (side.records() == null || side.records().isBlank()) {
            if (payload.isArray()) payload.forEach(out::add);
            else out.add(payload);
            return out;
        }
        for (Object match : JsonPathExpr.compile(side.records()).read(payload)) {
            if (match instanceof JsonNode node && node.isContainerNode()) out.add(node);
        }
        return out;
    }
}

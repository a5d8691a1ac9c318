package io.driftwatch.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ReconcileSide;
import io.driftwatch.config.RequestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One side of a reconcile definition: where its records come from and how to read them.
 *
 * @param name how findings call this side ({@code salesforce}); defaults to {@code source}/{@code target}
 * @param connection a connection id under {@code probes/connections/}, used with {@code request}
 * @param request the request fetching the records (exactly one of request or file)
 * @param file a JSON file holding the payload, resolved against the definition's folder
 * @param records JSONPath selecting the records in each payload ({@code $.records[*]}); null: a payload
 *     that is an array is its records, any other payload is one record
 * @param nextPage optional JSONPath to the next page's URL ({@code $.nextRecordsUrl}); the fetcher
 *     follows it while present, and all pages' records form the side
 * @param key JSONPath to the join key, relative to a record
 * @param amount JSONPath to the amount, relative to a record (every number matched is summed)
 * @param currency optional JSONPath to the record's currency code
 */
public record SideSpec(
        String name,
        String connection,
        RequestSpec request,
        Path file,
        String records,
        String nextPage,
        String key,
        String amount,
        String currency) {

    public static SideSpec of(ReconcileSide side) {
        return new SideSpec(
                side.name(),
                side.connection(),
                side.request(),
                side.file(),
                side.records(),
                side.nextPage(),
                side.key(),
                side.amount(),
                side.currency());
    }

    /** The next page's path or URL named by {@code nextPage} in {@code page}; empty on the last page. */
    public Optional<String> nextPageOf(JsonNode page) {
        if (nextPage == null || nextPage.isBlank()) return Optional.empty();
        for (Object match : JsonPathExpr.compile(nextPage).read(page)) {
            String text = match instanceof JsonNode node
                    ? (node.isTextual() ? node.asText() : null)
                    : match instanceof String string ? string : null;
            if (text != null && !text.isBlank()) return Optional.of(text);
        }
        return Optional.empty();
    }

    /** The name findings use, defaulting to the side's role. */
    public String nameOr(String role) {
        return name == null || name.isBlank() ? role : name;
    }

    public SidePaths paths() {
        return SidePaths.compile(key, amount, currency);
    }

    /** The records of one payload (one page). */
    public List<JsonNode> select(JsonNode payload) {
        List<JsonNode> out = new ArrayList<>();
        if (records == null || records.isBlank()) {
            if (payload.isArray()) payload.forEach(out::add);
            else out.add(payload);
            return out;
        }
        for (Object match : JsonPathExpr.compile(records).read(payload)) {
            if (match instanceof JsonNode node && node.isContainerNode()) out.add(node);
        }
        return out;
    }
}

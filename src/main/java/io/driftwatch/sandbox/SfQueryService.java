package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SOQL over Opportunity with Query More (VENDORS.md §2.5): the first response holds up to the batch size
 * and, when more remain, {@code done=false} and {@code nextRecordsUrl} {@code
 * /services/data/vXX.X/query/01g...-2000}; following it returns the next batch. The last 50 result sets
 * are kept; an unknown locator gets {@code INVALID_QUERY_LOCATOR}.
 */
final class SfQueryService {
    private static final RecordMutations MUTATIONS = new RecordMutations("Amount", "Amount", "attributes", "Amount");

    private final SandboxContext ctx;
    private final List<ObjectNode> opportunities;
    private final QueryEngine engine = new QueryEngine(QueryParser.Dialect.SOQL);
    private final Map<String, List<ObjectNode>> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ObjectNode>> eldest) {
            return size() > 50;
        }
    };

    SfQueryService(SandboxContext ctx, LocalDate today) {
        this.ctx = ctx;
        this.opportunities =
                SfOpportunities.generate(ctx.config.salesforceOpportunityCount(), ctx.config.invoiceCount(), today);
    }

    SandboxResponse query(String version, String soql, LocalDate today) {
        ParsedQuery q;
        try {
            q = QueryParser.parse(soql, QueryParser.Dialect.SOQL, today);
        } catch (QueryException e) {
            return SfErrors.of(400, "MALFORMED_QUERY", e.getMessage());
        }
        if (!q.entity().equalsIgnoreCase("Opportunity")) {
            return SfErrors.of(
                    400,
                    "INVALID_TYPE",
                    "sObject type '" + q.entity() + "' is not supported. If you are"
                            + " attempting to use a custom object, be sure to append the '__c' after the entity name. Please"
                            + " reference your WSDL or the describe call for the appropriate names.");
        }
        var named = new ArrayList<>(q.fields());
        q.where().forEach(group -> group.forEach(c -> named.add(c.field())));
        if (q.orderBy() != null) named.add(q.orderBy());
        for (String field : named) {
            if (!known(field)) return SfErrors.of(400, "INVALID_FIELD", noColumn(field));
        }
        List<ObjectNode> matched = engine.select(opportunities, q);
        int from = Math.min(q.offset(), matched.size());
        int to = q.limit() == null ? matched.size() : Math.min(matched.size(), from + q.limit());
        ObjectNode body = Json.object();
        if (q.count()) {
            body.put("totalSize", to - from);
            body.put("done", true);
            body.set("records", Json.array());
            return SandboxResponse.json(200, body);
        }
        var results = new ArrayList<ObjectNode>(to - from);
        for (ObjectNode full : matched.subList(from, to)) results.add(project(full, q.fields(), version));
        return batch(version, results, 0, null);
    }

    /** {@code GET .../query/{locator}-{offset}}. */
    synchronized SandboxResponse more(String version, String locatorAndOffset) {
        int dash = locatorAndOffset.lastIndexOf('-');
        List<ObjectNode> results = dash < 0 ? null : cursors.get(locatorAndOffset.substring(0, dash));
        int offset;
        try {
            offset = dash < 0 ? -1 : Integer.parseInt(locatorAndOffset.substring(dash + 1));
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (results == null || offset < 0 || offset > results.size()) {
            return SfErrors.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return batch(version, results, offset, locatorAndOffset.substring(0, dash));
    }

    private synchronized SandboxResponse batch(String version, List<ObjectNode> results, int offset, String locator) {
        int end = Math.min(results.size(), offset + ctx.config.salesforceBatchSize());
        ObjectNode body = Json.object();
        body.put("totalSize", results.size());
        body.put("done", end >= results.size());
        if (end < results.size()) {
            String id = locator != null ? locator : "01g5g" + ctx.randomHex(10).toUpperCase(Locale.ROOT);
            cursors.put(id, results);
            body.put("nextRecordsUrl", "/services/data/v" + version + "/query/" + id + "-" + end);
        }
        ArrayNode records = body.putArray("records");
        for (ObjectNode r : results.subList(offset, end)) records.add(r.deepCopy());
        MUTATIONS.apply(ctx.scenarios, SandboxVendor.SALESFORCE, records);
        return SandboxResponse.json(200, body);
    }

    private boolean known(String field) {
        String[] parts = field.split("\\.");
        String top = engine.canonical(opportunities.get(0), parts[0]);
        if (top == null) return false;
        if (parts.length == 1) return !top.equals("Account");
        return top.equals("Account") && parts.length == 2 && parts[1].equalsIgnoreCase("Name");
    }

    /** The selected fields of {@code full} in query order, with {@code attributes} as Salesforce adds them. */
    private ObjectNode project(ObjectNode full, List<String> fields, String version) {
        ObjectNode out = Json.object();
        ObjectNode attributes = out.putObject("attributes");
        attributes.put("type", "Opportunity");
        attributes.put(
                "url",
                "/services/data/v" + version + "/sobjects/Opportunity/"
                        + full.get("Id").asText());
        for (String field : fields) {
            String[] parts = field.split("\\.");
            String top = engine.canonical(full, parts[0]);
            if (parts.length == 1) {
                out.set(top, full.get(top).deepCopy());
                continue;
            }
            ObjectNode rel = out.get(top) instanceof ObjectNode existing ? existing : out.putObject(top);
            if (!rel.has("attributes")) {
                ObjectNode a = rel.putObject("attributes");
                a.put("type", "Account");
                a.put(
                        "url",
                        "/services/data/v" + version + "/sobjects/Account/"
                                + full.get("AccountId").asText());
            }
            JsonNode name = full.get(top).get("Name");
            rel.set("Name", name.deepCopy());
        }
        return out;
    }

    private static String noColumn(String field) {
        return "No such column '" + field + "' on entity 'Opportunity'. If you are attempting to use a custom"
                + " field, be sure to append the '__c' after the custom field name. Please reference your WSDL or"
                + " the describe call for the appropriate names.";
    }
}

package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /v3/company/{realm}/invoice/{id}} and {@code /v3/company/{realm}/query?query=...} (VENDORS.md
 * §1.1, §1.6). Order at the "gateway": bearer token (401 gateway fault), realm (403 gateway fault), then
 * the per-realm throttle (429 ThrottleExceeded), then scenarios, then the resource.
 */
final class QboApiHandler {
    static final String PREFIX = "/v3/company/";
    private static final RecordMutations MUTATIONS =
            new RecordMutations("DocNumber", "TotalAmt", "CustomerRef", "TotalAmt");
    private static final int DEFAULT_MAX_RESULTS = 100;
    private static final int MAX_MAX_RESULTS = 1000;

    private final SandboxContext ctx;
    private final QboTokens tokens;
    private final List<ObjectNode> invoices;
    private final QueryEngine engine = new QueryEngine(QueryParser.Dialect.QBO);
    private final SandboxContext.ErrorShapes shapes;

    QboApiHandler(SandboxContext ctx, QboTokens tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
        this.invoices = QboInvoices.generate(ctx.config.invoiceCount(), today());
        this.shapes = new SandboxContext.ErrorShapes() {
            @Override
            public SandboxResponse throttled(Scenario storm) {
                return QboFaults.throttled(
                        ctx.now(), storm.param("format", "json").equals("xml"));
            }

            @Override
            public SandboxResponse serverError(int status) {
                return QboFaults.systemFault(ctx.now(), status);
            }
        };
    }

    /** The answer, or null when the request is hung and must be dropped unanswered. */
    SandboxResponse handle(SandboxRequest req) throws InterruptedException {
        String[] parts = req.path().substring(PREFIX.length()).split("/", -1);
        String realm = parts[0];
        if (!bearerValid(req.header("authorization"))) return QboFaults.authenticationFailed(ctx.now());
        if (!realm.equals(ctx.credentials.qboRealmId())) return QboFaults.authorizationFailed(ctx.now());
        if (!ctx.qboLimiter.tryAcquire(realm, ctx.now())) {
            ctx.counters.qboThrottled.incrementAndGet();
            return QboFaults.throttled(ctx.now(), false);
        }
        try {
            ctx.counters.qboApiRequests.incrementAndGet();
            if (!ctx.stall(SandboxVendor.QUICKBOOKS)) return null;
            var failure = ctx.preempt(SandboxVendor.QUICKBOOKS, shapes);
            if (failure.isPresent()) return failure.get();
            var fault200 = ctx.scenarios.find(ScenarioKind.FAULT_200, SandboxVendor.QUICKBOOKS);
            if (fault200.isPresent()) {
                return QboFaults.faultWith200(
                        ctx.now(),
                        fault200.get().scenario().param("shape", "standard").equals("gateway"));
            }
            if (parts.length == 3 && parts[1].equals("invoice") && req.method().equals("GET")) return read(parts[2]);
            if (parts.length == 2 && parts[1].equals("query")) {
                if (req.method().equals("GET")) return query(req.param("query"));
                if (req.method().equals("POST")) return query(req.bodyText());
            }
            return QboFaults.unsupported(
                    ctx.now(),
                    req.method() + " " + String.join("/", List.of(parts).subList(1, parts.length)));
        } finally {
            ctx.qboLimiter.release(realm);
        }
    }

    private boolean bearerValid(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        if (ctx.scenarios.on(ScenarioKind.REVOKED_TOKEN, SandboxVendor.QUICKBOOKS)) return false;
        return tokens.accessValid(authorization.substring(7).trim());
    }

    private SandboxResponse read(String id) {
        for (ObjectNode invoice : invoices) {
            if (invoice.get("Id").asText().equals(id)) {
                ObjectNode copy = invoice.deepCopy();
                MUTATIONS.apply(ctx.scenarios, SandboxVendor.QUICKBOOKS, List.of(copy));
                ObjectNode body = Json.object();
                body.set("Invoice", copy);
                body.put("time", QboFaults.time(ctx.now()));
                return SandboxResponse.json(200, body);
            }
        }
        return QboFaults.objectNotFound(ctx.now());
    }

    private SandboxResponse query(String statement) {
        ParsedQuery q;
        try {
            q = QueryParser.parse(statement, QueryParser.Dialect.QBO, today());
        } catch (QueryException e) {
            return QboFaults.queryError(ctx.now(), e.getMessage());
        }
        if (!q.entity().equals("Invoice")) {
            return QboFaults.queryError(ctx.now(), "Invalid context declaration : " + q.entity());
        }
        List<ObjectNode> matched = engine.select(invoices, q);
        ObjectNode response = Json.object();
        if (q.count()) {
            response.put("totalCount", matched.size());
        } else {
            int max = Math.min(q.limit() == null ? DEFAULT_MAX_RESULTS : q.limit(), MAX_MAX_RESULTS);
            int from = Math.min(q.offset(), matched.size());
            List<ObjectNode> page = matched.subList(from, Math.min(matched.size(), from + max));
            if (!page.isEmpty()) {
                ArrayNode array = response.putArray("Invoice");
                for (ObjectNode inv : page) array.add(inv.deepCopy());
                MUTATIONS.apply(ctx.scenarios, SandboxVendor.QUICKBOOKS, array);
                response.put("startPosition", from + 1);
                response.put("maxResults", page.size());
            }
        }
        ObjectNode body = Json.object();
        body.set("QueryResponse", response);
        body.put("time", QboFaults.time(ctx.now()));
        return SandboxResponse.json(200, body);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ctx.now(), QboFaults.INTUIT_ZONE);
    }
}

package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code GET /jobs?page=N&limit=M}: a generic job-management source paginated the common way (the
 * users' case in issue 3): a JSON array per page, at most 200 records, {@code Link: <...>; rel="next"}
 * (and {@code rel="last"}) headers, {@code X-Total-Count}. Auth is an {@code X-Api-Key} header.
 */
final class JobsHandler {
    static final String PATH = "/jobs";
    static final int MAX_LIMIT = 200;
    private static final RecordMutations MUTATIONS = new RecordMutations("status", "amount", "customer", "amount");
    private static final String[] STATUSES = {"scheduled", "in_progress", "completed", "invoiced"};
    private static final String[] CUSTOMERS = {"Amy's Bird Sanctuary", "Cool Cars", "Red Rock Diner", "Kookies by Kathy"
    };

    private final SandboxContext ctx;
    private final LocalDate start;
    private final SandboxContext.ErrorShapes shapes = new SandboxContext.ErrorShapes() {
        @Override
        public SandboxResponse throttled(Scenario storm) {
            return message(429, "rate limit exceeded").withHeader("Retry-After", storm.param("retryAfter", "5"));
        }

        @Override
        public SandboxResponse serverError(int status) {
            return message(status, "internal server error");
        }
    };

    JobsHandler(SandboxContext ctx) {
        this.ctx = ctx;
        this.start = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    }

    /** The answer, or null when the request is hung and must be dropped unanswered. */
    SandboxResponse handle(SandboxRequest req) throws InterruptedException {
        ctx.counters.jobsRequests.incrementAndGet();
        if (!ctx.stall(SandboxVendor.JOBS)) return null;
        if (!ctx.credentials.jobsApiKey().equals(req.header("x-api-key"))) return message(401, "unauthorized");
        Optional<SandboxResponse> failure = ctx.preempt(SandboxVendor.JOBS, shapes);
        if (failure.isPresent()) return failure.get();
        if (!req.method().equals("GET")) return message(405, "method not allowed");
        int page;
        int limit;
        try {
            page = req.param("page") == null ? 1 : Integer.parseInt(req.param("page"));
            limit = req.param("limit") == null ? MAX_LIMIT : Integer.parseInt(req.param("limit"));
        } catch (NumberFormatException e) {
            return message(400, "page and limit must be whole numbers");
        }
        if (page < 1 || limit < 1) return message(400, "page and limit must be at least 1");
        limit = Math.min(limit, MAX_LIMIT);
        int total = ctx.config.jobCount();
        int lastPage = Math.max(1, (total + limit - 1) / limit);
        ArrayNode body = Json.array();
        long from = (long) (page - 1) * limit;
        for (long i = from; i < Math.min(total, from + limit); i++) body.add(job((int) i));
        MUTATIONS.apply(ctx.scenarios, SandboxVendor.JOBS, body);
        StringBuilder link = new StringBuilder();
        if (page < lastPage) link.append(link(page + 1, limit, "next")).append(", ");
        link.append(link(lastPage, limit, "last"));
        return SandboxResponse.json(200, body)
                .withHeader("Link", link.toString())
                .withHeader("X-Total-Count", String.valueOf(total));
    }

    private String link(int page, int limit, String rel) {
        return "<" + ctx.root() + PATH + "?page=" + page + "&limit=" + limit + ">; rel=\"" + rel + "\"";
    }

    private ObjectNode job(int i) {
        ObjectNode j = Json.object();
        j.put("id", "J-" + (10_001 + i));
        j.put("number", 10_001 + i);
        j.put("status", STATUSES[i % STATUSES.length]);
        ObjectNode customer = j.putObject("customer");
        customer.put("id", "C-" + (i % CUSTOMERS.length + 1));
        customer.put("name", CUSTOMERS[i % CUSTOMERS.length]);
        j.put("scheduled_for", start.minusDays(i % 90).toString());
        j.put("amount", BigDecimal.valueOf(2_500L + (i * 7_919L) % 250_000).movePointLeft(2));
        j.put("currency", "USD");
        return j;
    }

    private static SandboxResponse message(int status, String text) {
        ObjectNode body = Json.object();
        body.put("error", text);
        return SandboxResponse.json(status, body);
    }
}

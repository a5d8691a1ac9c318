package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /services/data/...} (VENDORS.md §2.1, §2.2, §2.5): the unauthenticated versions list, and with
 * a bearer token the resource list, {@code limits}, {@code query} and Query More. Every authenticated
 * call counts against the daily allocation and carries {@code Sforce-Limit-Info: api-usage=used/max};
 * once the allocation is used up calls get 403 {@code REQUEST_LIMIT_EXCEEDED}.
 */
final class SfDataHandler {
    static final String PREFIX = "/services/data";
    static final int OLDEST_VERSION = 58;
    static final int NEWEST_VERSION = 66;
    private static final Pattern VERSIONED = Pattern.compile("/services/data/v(\\d+)\\.0(/.*)?");

    private final SandboxContext ctx;
    private final SfSessions sessions;
    private final SfQueryService queries;
    private final AtomicLong used = new AtomicLong();
    private final SandboxContext.ErrorShapes shapes = new SandboxContext.ErrorShapes() {
        @Override
        public SandboxResponse throttled(Scenario storm) {
            return SfErrors.limitExceeded();
        }

        @Override
        public SandboxResponse serverError(int status) {
            return SfErrors.serverError(status);
        }
    };

    SfDataHandler(SandboxContext ctx, SfSessions sessions) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.queries = new SfQueryService(ctx, today());
    }

    /** The answer, or null when the request is hung and must be dropped unanswered. */
    SandboxResponse handle(SandboxRequest req) throws InterruptedException {
        if (!ctx.stall(SandboxVendor.SALESFORCE)) return null;
        String path = req.path();
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) return versions();
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) return SfErrors.notFound();
        String token = bearer(req.header("authorization"));
        if (token == null || !sessions.touch(token)) return withUsage(SfErrors.invalidSession());
        var quota = ctx.scenarios
                .find(ScenarioKind.QUOTA_USAGE, SandboxVendor.SALESFORCE)
                .map(Scenarios.Active::scenario);
        long max = quota.map(s -> s.longParam("max", ctx.config.salesforceDailyApiMax()))
                .orElse(ctx.config.salesforceDailyApiMax());
        if (usedNow(quota) >= max) return withUsage(SfErrors.limitExceeded());
        used.incrementAndGet();
        ctx.counters.salesforceApiRequests.incrementAndGet();
        Optional<SandboxResponse> failure = ctx.preempt(SandboxVendor.SALESFORCE, shapes);
        if (failure.isPresent()) return withUsage(failure.get());
        int major = Integer.parseInt(m.group(1));
        if (major < OLDEST_VERSION || major > NEWEST_VERSION) return withUsage(SfErrors.notFound());
        String version = major + ".0";
        String rest = m.group(2) == null ? "/" : m.group(2);
        SandboxResponse response;
        if (!req.method().equals("GET")) {
            response = SfErrors.of(
                    405, "METHOD_NOT_ALLOWED", "HTTP Method '" + req.method() + "' not allowed. Allowed are GET");
        } else if (rest.equals("/")) {
            response = resources(version);
        } else if (rest.equals("/limits") || rest.equals("/limits/")) {
            response = limits(max);
        } else if (rest.equals("/query") || rest.equals("/query/")) {
            String q = req.param("q");
            response = q == null
                    ? SfErrors.of(400, "MALFORMED_QUERY", "A query string has to be specified")
                    : queries.query(version, q, today());
        } else if (rest.startsWith("/query/")) {
            response = queries.more(version, rest.substring("/query/".length()));
        } else {
            response = SfErrors.notFound();
        }
        return withUsage(response);
    }

    private SandboxResponse versions() {
        ArrayNode body = Json.array();
        for (int v = OLDEST_VERSION; v <= NEWEST_VERSION; v++) {
            ObjectNode o = body.addObject();
            o.put("label", label(v));
            o.put("url", "/services/data/v" + v + ".0");
            o.put("version", v + ".0");
        }
        return SandboxResponse.json(200, body);
    }

    /** Release name of API version {@code v}: v31 was Summer '14, three releases a year since. */
    static String label(int v) {
        int k = v - 31;
        int year = 14 + Math.floorDiv(k, 3) + (Math.floorMod(k, 3) == 0 ? 0 : 1);
        String season = List.of("Summer", "Winter", "Spring").get(Math.floorMod(k, 3));
        return season + " '" + year;
    }

    private SandboxResponse resources(String version) {
        ObjectNode body = Json.object();
        for (String r : List.of("limits", "query", "sobjects")) body.put(r, "/services/data/v" + version + "/" + r);
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse limits(long max) {
        ObjectNode body = Json.object();
        long remaining = Math.max(0, max - used.get());
        limit(body, "ActiveScratchOrgs", 3, 3);
        limit(body, "ConcurrentAsyncGetReportInstances", 200, 200);
        limit(body, "ConcurrentSyncReportRuns", 20, 20);
        limit(body, "DailyApiRequests", max, remaining);
        limit(body, "DailyAsyncApexExecutions", 250_000, 250_000);
        limit(body, "DailyBulkApiBatches", 15_000, 15_000);
        limit(body, "DailyBulkV2QueryFileStorageMB", 976_562, 976_562);
        limit(body, "DailyBulkV2QueryJobs", 10_000, 10_000);
        limit(body, "DailyDurableStreamingApiEvents", 10_000, 10_000);
        limit(body, "DailyStandardVolumePlatformEvents", 10_000, 10_000);
        limit(body, "DailyWorkflowEmails", 1_725, 1_725);
        limit(body, "DataStorageMB", 5, 5);
        limit(body, "FileStorageMB", 20, 20);
        limit(body, "MassEmail", 10, 10);
        limit(body, "SingleEmail", 15, 15);
        return SandboxResponse.json(200, body);
    }

    private static void limit(ObjectNode body, String name, long max, long remaining) {
        ObjectNode l = body.putObject(name);
        l.put("Max", max);
        l.put("Remaining", remaining);
    }

    private SandboxResponse withUsage(SandboxResponse response) {
        var quota = ctx.scenarios
                .find(ScenarioKind.QUOTA_USAGE, SandboxVendor.SALESFORCE)
                .map(Scenarios.Active::scenario);
        if (quota.isPresent() && quota.get().params().containsKey("header")) {
            return response.withHeader("Sforce-Limit-Info", quota.get().params().get("header"));
        }
        long max = quota.map(s -> s.longParam("max", ctx.config.salesforceDailyApiMax()))
                .orElse(ctx.config.salesforceDailyApiMax());
        return response.withHeader("Sforce-Limit-Info", "api-usage=" + usedNow(quota) + "/" + max);
    }

    /** Requests counted today: the real count, or the {@code quota-usage} scenario's {@code used} when set. */
    private long usedNow(Optional<Scenario> quota) {
        return quota.map(s -> s.longParam("used", used.get())).orElse(used.get());
    }

    private static String bearer(String authorization) {
        if (authorization == null) return null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7))
            return authorization.substring(7).trim();
        if (authorization.regionMatches(true, 0, "OAuth ", 0, 6))
            return authorization.substring(6).trim();
        return null;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    }
}

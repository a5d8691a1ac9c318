package io.driftwatch.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads each request fully, hands it to the handler owning its path, and writes the answer. A null
 * answer (the {@code hang} scenario) closes the exchange without a response. Every QuickBooks response,
 * token endpoint included, carries an {@code intuit_tid} header (VENDORS.md §1.5).
 */
final class SandboxRouter implements HttpHandler {
    private final SandboxContext ctx;
    private final AdminHandler admin;
    private final QboTokenHandler qboToken;
    private final QboApiHandler qboApi;
    private final SfTokenHandler sfToken;
    private final SfDataHandler sfData;
    private final SmartyHandler smarty;
    private final JobsHandler jobs;

    SandboxRouter(SandboxContext ctx, java.security.interfaces.RSAPublicKey salesforceKey) {
        this.ctx = ctx;
        this.admin = new AdminHandler(ctx);
        QboTokens qboTokens = new QboTokens(ctx);
        this.qboToken = new QboTokenHandler(ctx, qboTokens);
        this.qboApi = new QboApiHandler(ctx, qboTokens);
        SfSessions sessions = new SfSessions(ctx);
        ctx.onActivate(s -> {
            if (s.kind() == ScenarioKind.REVOKED_TOKEN && s.appliesTo(SandboxVendor.SALESFORCE)) sessions.revokeAll();
        });
        this.sfToken = new SfTokenHandler(ctx, sessions, salesforceKey);
        this.sfData = new SfDataHandler(ctx, sessions);
        this.smarty = new SmartyHandler(ctx);
        this.jobs = new JobsHandler(ctx);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxRequest req = read(exchange);
            SandboxResponse resp;
            try {
                resp = route(req);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                resp = SandboxResponse.text(500, "text/plain; charset=utf-8", "sandbox bug: " + e);
            }
            if (resp != null) write(exchange, resp);
        }
    }

    private SandboxResponse route(SandboxRequest req) throws InterruptedException {
        String path = req.path();
        if (path.equals(AdminHandler.PREFIX) || path.startsWith(AdminHandler.PREFIX + "/")) return admin.handle(req);
        if (path.equals(QboTokenHandler.PATH)) {
            if (!ctx.stall(SandboxVendor.QUICKBOOKS)) return null;
            return intuitTid(qboToken.handle(req));
        }
        if (path.startsWith(QboApiHandler.PREFIX)) return intuitTid(qboApi.handle(req));
        if (path.equals(SfTokenHandler.PATH)) {
            if (!ctx.stall(SandboxVendor.SALESFORCE)) return null;
            return sfToken.handle(req);
        }
        if (path.equals(SfDataHandler.PREFIX) || path.startsWith(SfDataHandler.PREFIX + "/")) return sfData.handle(req);
        if (path.equals(SmartyHandler.PATH)) return smarty.handle(req);
        if (path.equals(JobsHandler.PATH)) return jobs.handle(req);
        return SandboxResponse.text(404, "text/plain; charset=utf-8", "no sandbox endpoint at " + path);
    }

    private SandboxResponse intuitTid(SandboxResponse resp) {
        if (resp == null) return null;
        return resp.withHeader("intuit_tid", "1-" + ctx.randomHex(8) + "-" + ctx.randomHex(24));
    }

    private static SandboxRequest read(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        var uri = ex.getRequestURI();
        return new SandboxRequest(
                ex.getRequestMethod(), uri.getRawPath(), SandboxRequest.parsePairs(uri.getRawQuery()), headers, body);
    }

    private static void write(HttpExchange ex, SandboxResponse resp) throws IOException {
        if (resp.contentType() != null) ex.getResponseHeaders().set("Content-Type", resp.contentType());
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = resp.body();
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(resp.status(), body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

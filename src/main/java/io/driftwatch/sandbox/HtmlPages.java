package io.driftwatch.sandbox;

import java.util.Map;

/**
 * The HTML error pages a proxy or load balancer in front of an API returns instead of JSON, and the
 * sandbox's own overview page ({@code GET /__admin/}).
 */
final class HtmlPages {
    private static final Map<Integer, String> REASONS = Map.of(
            200, "OK",
            500, "Internal Server Error",
            502, "Bad Gateway",
            503, "Service Unavailable",
            504, "Gateway Timeout");

    private HtmlPages() {}

    static SandboxResponse error(int status) {
        String reason = REASONS.getOrDefault(status, "Error");
        String page = "<!DOCTYPE html>\n<html>\n<head><title>" + status + " " + reason + "</title></head>\n"
                + "<body>\n<center><h1>" + status + " " + reason + "</h1></center>\n"
                + "<p>The server is temporarily unable to service your request. Please try again later.</p>\n"
                + "<hr><center>nginx</center>\n</body>\n</html>\n";
        return SandboxResponse.text(status, "text/html; charset=utf-8", page);
    }

    /**
     * The overview: active and available scenarios, request counters and the inbox (newest first).
     * Refreshes itself every 5 s. Every value is HTML-escaped: inbox bodies come from whoever posted them.
     */
    static String dashboard(SandboxContext ctx) {
        var html = new StringBuilder(4096);
        html.append(
                        "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>driftwatch sandbox</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".firing{color:#b00}.resolved{color:#070}</style></head>\n<body>\n");
        html.append("<h1>driftwatch sandbox</h1>\n<p>Stand-ins for QuickBooks Online, Salesforce and Smarty at ")
                .append(esc(ctx.root()))
                .append(". This page refreshes every 5 s.</p>\n");
        html.append("<h2>Active scenarios</h2>\n");
        var active = ctx.scenarios.list();
        if (active.isEmpty()) html.append("<p>none: every vendor behaves normally</p>\n");
        else {
            html.append("<ul>\n");
            for (Scenario s : active)
                html.append("<li><b>")
                        .append(esc(s.name()))
                        .append("</b> ")
                        .append(esc(s.params().toString()))
                        .append(" &mdash; ")
                        .append(esc(s.kind().description()))
                        .append("</li>\n");
            html.append("</ul>\n");
        }
        SandboxStats st = ctx.counters.snapshot(ctx.qboLimiter);
        html.append("<h2>Requests</h2>\n<p>QuickBooks ")
                .append(st.qboApiRequests())
                .append(" (throttled ")
                .append(st.qboThrottled())
                .append(", token refreshes ")
                .append(st.qboRefreshes())
                .append("), Salesforce ")
                .append(st.salesforceApiRequests())
                .append(", Smarty ")
                .append(st.smartyRequests())
                .append("</p>\n");
        var messages = ctx.inbox.messages();
        html.append("<h2>Inbox</h2>\n<p>")
                .append(ctx.inbox.received())
                .append(" notifications received at ")
                .append(esc(ctx.root()))
                .append("/__admin/inbox (JSON: GET the same URL)</p>\n");
        if (!messages.isEmpty()) {
            html.append("<table>\n<tr><th>received</th><th>channel</th><th>event</th><th>severity</th>")
                    .append("<th>probe</th><th>title</th><th>summary</th></tr>\n");
            for (SandboxInbox.Message m : messages) {
                var b = m.body();
                String event = b.path("event").asText("");
                html.append("<tr class=\"")
                        .append(event.equals("resolved") ? "resolved" : "firing")
                        .append("\"><td>")
                        .append(esc(m.receivedAt().toString()))
                        .append("</td><td>")
                        .append(esc(m.channel() == null ? "" : m.channel()))
                        .append("</td><td>")
                        .append(esc(event))
                        .append("</td><td>")
                        .append(esc(b.path("severity").asText("")))
                        .append("</td><td>")
                        .append(esc(b.path("probe").path("id").asText("")))
                        .append("</td><td>")
                        .append(esc(b.path("title").asText("")))
                        .append("</td><td>")
                        .append(esc(b.path("summary").asText("")))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Available scenarios</h2>\n<ul>\n");
        for (ScenarioKind k : ScenarioKind.values())
            html.append("<li><b>")
                    .append(esc(k.key()))
                    .append("</b>: ")
                    .append(esc(k.description()))
                    .append("</li>\n");
        html.append("</ul>\n<p>Switch one on: <code>curl -X POST ")
                .append(esc(ctx.root()))
                .append("/__admin/scenario -d '{\"scenario\":\"totals-off\"}'</code></p>\n</body>\n</html>\n");
        return html.toString();
    }

    static String esc(String s) {
        return io.driftwatch.text.Html.escape(s);
    }
}

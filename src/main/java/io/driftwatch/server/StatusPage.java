package io.driftwatch.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only status page at {@code /}: plain HTML with inline CSS, no scripts and no external
 * assets, so it works from an on-call laptop behind any proxy and in a text browser. It refreshes
 * itself every 30 seconds with a meta tag. Failing probes come first.
 */
public final class StatusPage {
    private static final Comparator<StatusView.Row> ORDER =
            Comparator.comparing(StatusView.Row::state).thenComparing(StatusView.Row::id);

    private StatusPage() {}

    /** GET or HEAD {@code /}: the page; other methods get 405. */
    public static void respond(com.sun.net.httpserver.HttpExchange ex, StatusView view) throws java.io.IOException {
        String method = ex.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            Http.error(ex, 405, "method not allowed");
            return;
        }
        // Nothing but inline styles may load: the page has no scripts, images or external assets.
        ex.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        Http.send(ex, 200, "text/html; charset=utf-8", render(view));
    }

    public static String render(StatusView view) {
        Map<StatusView.State, Integer> counts = new EnumMap<>(StatusView.State.class);
        view.rows().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder html = new StringBuilder(4096 + view.rows().size() * 400);
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="30">
                <title>driftwatch status</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
                table{border-collapse:collapse;width:100%}
                th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #ddd;vertical-align:top}
                th{background:#f4f4f6}
                td.num{text-align:right;font-variant-numeric:tabular-nums}
                .state{font-weight:600;text-transform:uppercase;font-size:12px;padding:.1em .5em;border-radius:3px}
                .fail{background:#fde2e1;color:#a1150b}.degraded{background:#fff1c2;color:#7a5600}
                .pending{background:#eceff3;color:#4a5463}.pass{background:#dcf5e3;color:#11642d}
                .slow{color:#a1150b;font-weight:600}.muted{color:#6b7280}
                </style>
                </head>
                <body>
                <h1>driftwatch</h1>
                """);
        html.append("<p>").append(view.rows().size()).append(view.rows().size() == 1 ? " probe: " : " probes: ");
        boolean first = true;
        for (StatusView.State s : StatusView.State.values()) {
            if (!first) html.append(", ");
            first = false;
            html.append("<span class=\"state ")
                    .append(s.label())
                    .append("\">")
                    .append(counts.getOrDefault(s, 0))
                    .append(' ')
                    .append(s.label())
                    .append("</span>");
        }
        html.append(". Open alerts: ");
        if (view.alertsAvailable())
            html.append("<strong>").append(view.openAlerts()).append("</strong>");
        else html.append("<strong>unknown (alert store unavailable)</strong>");
        html.append(". Page generated ")
                .append(escape(view.now().toString()))
                .append(". Machine-readable: <a href=\"/api/v1/probes\">/api/v1/probes</a>,"
                        + " <a href=\"/api/v1/alerts\">/api/v1/alerts</a>, <a href=\"/metrics\">/metrics</a>.</p>\n");

        if (view.rows().isEmpty()) {
            html.append("<p class=\"muted\">No probes are loaded. Add a probe file under probes/.</p>\n");
        } else {
            html.append("""
                    <table>
                    <thead><tr><th>Probe</th><th>State</th><th>Last run</th><th>Latency</th>\
                    <th>Baseline p95</th><th>Open alerts</th><th>Problem</th></tr></thead>
                    <tbody>
                    """);
            view.rows().stream().sorted(ORDER).forEach(r -> row(html, r, view.now()));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, StatusView.Row r, Instant now) {
        html.append("<tr><td><a href=\"/api/v1/probes/")
                .append(escape(r.id()))
                .append("\">")
                .append(escape(r.id()))
                .append("</a>");
        if (r.description() != null && !r.description().isBlank()) {
            html.append("<br><span class=\"muted\">")
                    .append(escape(r.description()))
                    .append("</span>");
        }
        html.append("</td><td><span class=\"state ")
                .append(r.state().label())
                .append("\">")
                .append(r.state().label())
                .append("</span></td><td>");
        if (r.lastRun() == null) html.append("never");
        else
            html.append("<time datetime=\"")
                    .append(escape(r.lastRun().toString()))
                    .append("\">")
                    .append(ago(Duration.between(r.lastRun(), now)))
                    .append("</time>");
        html.append("</td><td class=\"num\">");
        boolean slow = r.latencyMillis() != null
                && r.baselineP95Millis() != null
                && r.latencyMillis() > r.baselineP95Millis() * 1.5;
        if (r.latencyMillis() == null) html.append("&ndash;");
        else {
            if (slow) html.append("<span class=\"slow\">");
            html.append(millis(r.latencyMillis()));
            if (r.baselineP95Millis() != null && r.baselineP95Millis() > 0) {
                html.append(" (")
                        .append(String.format(Locale.ROOT, "%.1f", r.latencyMillis() / r.baselineP95Millis()))
                        .append("&times;)");
            }
            if (slow) html.append("</span>");
        }
        html.append("</td><td class=\"num\">")
                .append(r.baselineP95Millis() == null ? "no baseline" : millis(r.baselineP95Millis()))
                .append("</td><td class=\"num\">")
                .append(r.openAlerts())
                .append("</td><td>")
                .append(r.problem() == null ? "" : escape(r.problem()))
                .append("</td></tr>\n");
    }

    static String millis(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 90) return s + " s ago";
        if (s < 90 * 60) return (s / 60) + " min ago";
        if (s < 36 * 3600) return (s / 3600) + " h ago";
        return (s / 86400) + " d ago";
    }

    /** HTML text and attribute escaping; probe descriptions and finding messages are user data. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package io.driftwatch.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A probe's page at {@code /probes/{id}}, where alert links point: its state, baseline, open alerts,
 * the latest run's findings and recent runs. Same rules as {@link StatusPage}: no scripts, no external
 * assets.
 */
public final class ProbePage {
    private ProbePage() {}

    /** GET or HEAD: the page, or 404 when {@code view} is null (no such probe). */
    public static void respond(HttpExchange ex, ProbeView view, String id) throws IOException {
        if (!HtmlPage.readOnly(ex)) return;
        if (view == null) {
            Http.error(ex, 404, "no probe with id '" + id + "'");
            return;
        }
        HtmlPage.send(ex, render(view));
    }

    public static String render(ProbeView v) {
        StatusView.Row p = v.summary();
        StringBuilder html = new StringBuilder(8192);
        HtmlPage.head(html, p.id() + " · driftwatch", true);
        html.append("<p><a href=\"/\">&larr; all probes</a></p>\n<h1>")
                .append(HtmlPage.escape(p.id()))
                .append(' ');
        StatusPage.state(html, p.state());
        html.append("</h1>\n");
        if (p.description() != null) {
            html.append("<p>").append(HtmlPage.escape(p.description())).append("</p>\n");
        }
        html.append("<table>\n<tbody>\n<tr><th>Connection</th><td>")
                .append(p.connection() == null ? "none" : HtmlPage.escape(p.connection()))
                .append("</td></tr>\n<tr><th>Schedule</th><td>")
                .append(HtmlPage.escape(v.schedule()))
                .append("</td></tr>\n<tr><th>Last run</th><td>");
        StatusPage.time(html, p.lastRun(), v.now());
        html.append("</td></tr>\n<tr><th>Latency</th><td>");
        StatusPage.latency(html, p.latencyMillis(), p.baselineP95Millis());
        html.append("</td></tr>\n<tr><th>Baseline</th><td>");
        if (v.baselineFile() == null)
            html.append("none (record one with <code>driftwatch baseline record ")
                    .append(HtmlPage.escape(p.id()))
                    .append("</code>)");
        else {
            html.append("baselines/").append(HtmlPage.escape(v.baselineFile()));
            if (v.baselineRecordedAt() != null) {
                html.append(", recorded ");
                StatusPage.time(html, v.baselineRecordedAt(), v.now());
            }
            if (p.baselineP95Millis() != null) {
                html.append(", p95 ").append(HtmlPage.millis(p.baselineP95Millis()));
            }
        }
        html.append("</td></tr>\n</tbody>\n</table>\n");

        html.append("<h2>Open alerts</h2>\n");
        if (v.alerts().isEmpty()) html.append("<p class=\"muted\">None.</p>\n");
        else {
            html.append("<table>\n<thead><tr><th>Kind</th><th>Severity</th><th>Status</th><th>Since</th>"
                    + "<th>Runs</th></tr></thead>\n<tbody>\n");
            for (ProbeView.Alert a : v.alerts()) {
                html.append("<tr><td>")
                        .append(HtmlPage.escape(a.kind()))
                        .append("</td><td>")
                        .append(HtmlPage.escape(a.severity()))
                        .append("</td><td>")
                        .append(HtmlPage.escape(a.status()))
                        .append("</td><td>");
                StatusPage.time(html, a.since(), v.now());
                html.append("</td><td class=\"num\">").append(a.runs()).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        html.append("<h2>Latest findings</h2>\n");
        if (v.findings().isEmpty()) html.append("<p class=\"muted\">None.</p>\n");
        else {
            html.append("<table>\n<thead><tr><th>Level</th><th>Check</th><th>Kind</th><th>Message</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (ProbeView.FindingLine f : v.findings()) {
                html.append("<tr><td>")
                        .append(HtmlPage.escape(f.level()))
                        .append("</td><td>")
                        .append(HtmlPage.escape(f.check()))
                        .append("</td><td>")
                        .append(HtmlPage.escape(f.kind()))
                        .append("</td><td>")
                        .append(HtmlPage.escape(f.message()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        html.append("<h2>Recent runs</h2>\n");
        if (v.runs().isEmpty()) html.append("<p class=\"muted\">No runs yet.</p>\n");
        else {
            html.append("<table>\n<thead><tr><th>Started</th><th>State</th><th>Status</th><th>Latency</th>"
                    + "<th>Problem</th></tr></thead>\n<tbody>\n");
            for (ProbeView.Run r : v.runs()) {
                html.append("<tr><td>");
                StatusPage.time(html, r.startedAt(), v.now());
                html.append("</td><td>");
                StatusPage.state(html, r.state());
                html.append("</td><td class=\"num\">")
                        .append(r.status() == 0 ? "&ndash;" : Integer.toString(r.status()))
                        .append("</td><td class=\"num\">");
                StatusPage.latency(html, r.latencyMillis(), p.baselineP95Millis());
                html.append("</td><td>").append(HtmlPage.escape(r.problem())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<p class=\"muted\">JSON: <a href=\"/api/v1/probes/")
                .append(HtmlPage.escape(p.id()))
                .append("\">/api/v1/probes/")
                .append(HtmlPage.escape(p.id()))
                .append("</a></p>\n</body>\n</html>\n");
        return html.toString();
    }
}

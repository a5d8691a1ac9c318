package io.driftwatch.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only status page at {@code /}: plain HTML with inline CSS, no scripts and no external
 * assets, so it works from an on-call laptop behind any proxy and in a text browser. It refreshes
 * itself every 30 seconds with a meta tag. Failing probes come first; each links to its probe page.
 */
public final class StatusPage {
    private static final Comparator<StatusView.Row> ORDER =
            Comparator.comparing(StatusView.Row::state).thenComparing(StatusView.Row::id);

    private StatusPage() {}

    /** GET or HEAD {@code /}: the page; other methods get 405. */
    public static void respond(HttpExchange ex, StatusView view) throws IOException {
        if (HtmlPage.readOnly(ex)) HtmlPage.send(ex, render(view));
    }

    public static String render(StatusView view) {
        Map<StatusView.State, Integer> counts = new EnumMap<>(StatusView.State.class);
        view.rows().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder html = new StringBuilder(4096 + view.rows().size() * 400);
        HtmlPage.head(html, "driftwatch status", true);
        html.append("<h1>driftwatch</h1>\n<p>")
                .append(view.rows().size())
                .append(view.rows().size() == 1 ? " probe: " : " probes: ");
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
                .append(HtmlPage.escape(view.now().toString()))
                .append(". Machine-readable: <a href=\"/api/v1/probes\">/api/v1/probes</a>,"
                        + " <a href=\"/api/v1/alerts\">/api/v1/alerts</a>, <a href=\"/metrics\">/metrics</a>.</p>\n");

        if (view.rows().isEmpty()) {
            html.append("<p class=\"muted\">No probes are loaded. Add a probe file under probes/.</p>\n");
        } else {
            html.append("<table>\n<thead><tr><th>Probe</th><th>State</th><th>Last run</th><th>Latency</th>"
                    + "<th>Baseline p95</th><th>Open alerts</th><th>Problem</th></tr></thead>\n<tbody>\n");
            view.rows().stream().sorted(ORDER).forEach(r -> row(html, r, view.now()));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, StatusView.Row r, Instant now) {
        html.append("<tr><td><a href=\"/probes/")
                .append(HtmlPage.escape(r.id()))
                .append("\">")
                .append(HtmlPage.escape(r.id()))
                .append("</a>");
        if (r.description() != null && !r.description().isBlank()) {
            html.append("<br><span class=\"muted\">")
                    .append(HtmlPage.escape(r.description()))
                    .append("</span>");
        }
        html.append("</td><td>");
        state(html, r.state());
        html.append("</td><td>");
        time(html, r.lastRun(), now);
        html.append("</td><td class=\"num\">");
        latency(html, r.latencyMillis(), r.baselineP95Millis());
        html.append("</td><td class=\"num\">")
                .append(r.baselineP95Millis() == null ? "no baseline" : HtmlPage.millis(r.baselineP95Millis()))
                .append("</td><td class=\"num\">")
                .append(r.openAlerts())
                .append("</td><td>")
                .append(HtmlPage.escape(r.problem()))
                .append("</td></tr>\n");
    }

    static void state(StringBuilder html, StatusView.State state) {
        html.append("<span class=\"state ")
                .append(state.label())
                .append("\">")
                .append(state.label())
                .append("</span>");
    }

    static void time(StringBuilder html, Instant at, Instant now) {
        if (at == null) {
            html.append("never");
            return;
        }
        html.append("<time datetime=\"")
                .append(HtmlPage.escape(at.toString()))
                .append("\">")
                .append(HtmlPage.ago(Duration.between(at, now)))
                .append("</time>");
    }

    /** The latency, with its ratio to the baseline p95; highlighted above 1.5 times the baseline. */
    static void latency(StringBuilder html, Double ms, Double baselineP95) {
        if (ms == null) {
            html.append("&ndash;");
            return;
        }
        boolean slow = baselineP95 != null && ms > baselineP95 * 1.5;
        if (slow) html.append("<span class=\"slow\">");
        html.append(HtmlPage.millis(ms));
        if (baselineP95 != null && baselineP95 > 0) {
            html.append(" (")
                    .append(String.format(Locale.ROOT, "%.1f", ms / baselineP95))
                    .append("&times;)");
        }
        if (slow) html.append("</span>");
    }
}

package io.driftwatch.server;

import com.sun.net.httpserver.HttpExchange;
import io.driftwatch.text.Html;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/** What the daemon's HTML pages share: the head with inline CSS, escaping, formatting and headers. */
final class HtmlPage {
    private HtmlPage() {}

    static void head(StringBuilder html, String title, boolean refresh) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refresh) html.append("<meta http-equiv=\"refresh\" content=\"30\">\n");
        html.append("<title>").append(escape(title)).append("</title>\n").append("""
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
                table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
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
                """);
    }

    /** GET and HEAD only; anything else gets 405 and false. */
    static boolean readOnly(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) return true;
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        Http.error(ex, 405, "method not allowed");
        return false;
    }

    static void send(HttpExchange ex, String html) throws IOException {
        // Nothing but inline styles may load: the pages have no scripts, images or external assets.
        ex.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        Http.send(ex, 200, "text/html; charset=utf-8", html);
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

    static String escape(String s) {
        return Html.escape(s);
    }
}

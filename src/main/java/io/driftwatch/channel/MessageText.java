package io.driftwatch.channel;

import io.driftwatch.channel.AlertMessage.FindingDetail;
import io.driftwatch.channel.AlertMessage.Link;
import java.util.Map;

/**
 * Plain-text and HTML renderings shared by email and the chat channels, so every channel says the same
 * thing: what, since when, how many runs, the evidence and the links.
 */
public final class MessageText {
    private MessageText() {}

    /** The plain-text body (email text part, webhook {@code text}). */
    public static String plain(AlertMessage m) {
        var out = new StringBuilder();
        out.append(m.title()).append('\n');
        out.append(m.summary()).append("\n\n");
        for (var row : facts(m).entrySet()) {
            out.append(String.format("%-10s %s%n", row.getKey() + ":", row.getValue()));
        }
        if (!m.findings().isEmpty()) {
            out.append("\nEvidence:\n");
            for (FindingDetail f : m.findings()) {
                out.append("  - [")
                        .append(f.level())
                        .append("] ")
                        .append(f.check())
                        .append(": ");
                out.append(f.message()).append('\n');
                f.evidence()
                        .forEach((k, v) -> out.append("      ")
                                .append(k)
                                .append(": ")
                                .append(v)
                                .append('\n'));
            }
        }
        if (!m.links().isEmpty()) {
            out.append("\nLinks:\n");
            for (Link link : m.links())
                out.append("  ")
                        .append(link.text())
                        .append(": ")
                        .append(link.href())
                        .append('\n');
        }
        out.append("\nDedup key: ").append(m.dedupKey()).append('\n');
        return out.toString();
    }

    /** The HTML body (email HTML part). Every value is escaped. */
    public static String html(AlertMessage m) {
        var out = new StringBuilder();
        out.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">\n");
        out.append("<h2 style=\"color:")
                .append(colour(m))
                .append("\">")
                .append(esc(m.title()))
                .append("</h2>\n");
        out.append("<p>").append(esc(m.summary())).append("</p>\n<table>\n");
        for (var row : facts(m).entrySet()) {
            out.append("<tr><th align=\"left\">")
                    .append(esc(row.getKey()))
                    .append("</th><td>")
                    .append(esc(row.getValue()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (!m.findings().isEmpty()) {
            out.append("<h3>Evidence</h3>\n<ul>\n");
            for (FindingDetail f : m.findings()) {
                out.append("<li><b>[")
                        .append(esc(f.level()))
                        .append("] ")
                        .append(esc(f.check()))
                        .append("</b>: ");
                out.append(esc(f.message()));
                if (!f.evidence().isEmpty()) {
                    out.append("<table>");
                    f.evidence()
                            .forEach((k, v) -> out.append("<tr><td>")
                                    .append(esc(k))
                                    .append("</td><td><code>")
                                    .append(esc(v))
                                    .append("</code></td></tr>"));
                    out.append("</table>");
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!m.links().isEmpty()) {
            out.append("<p>");
            for (Link link : m.links()) {
                out.append("<a href=\"")
                        .append(esc(link.href()))
                        .append("\">")
                        .append(esc(link.text()))
                        .append("</a> ");
            }
            out.append("</p>\n");
        }
        out.append("<p style=\"color:#888\">Dedup key: ")
                .append(esc(m.dedupKey()))
                .append("</p>\n");
        out.append("</body></html>\n");
        return out.toString();
    }

    /** The label/value rows every rendering shows, in order. */
    public static Map<String, String> facts(AlertMessage m) {
        var rows = new java.util.LinkedHashMap<String, String>();
        rows.put("Status", m.event().label() + " (" + m.severity() + ")");
        if (m.probeId() != null) rows.put("Probe", m.probeId() + (m.vendor() == null ? "" : " (" + m.vendor() + ")"));
        if (m.kind() != null) rows.put("Kind", m.kind());
        if (m.since() != null) rows.put("Since", m.since() + " (" + m.runs() + " failing runs)");
        rows.put("Alert key", m.alertKey());
        return rows;
    }

    public static String esc(String s) {
        return io.driftwatch.text.Html.escape(s);
    }

    private static String colour(AlertMessage m) {
        if (m.event() == AlertMessage.Event.RESOLVED) return "#2e7d32";
        return "critical".equals(m.severity()) ? "#c62828" : "#ef6c00";
    }
}

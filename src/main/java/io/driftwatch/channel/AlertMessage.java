package io.driftwatch.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification's content, independent of the channel that carries it. Built by the alert engine,
 * stored as JSON in the outbox, rendered by each channel. Never holds a secret: finding messages and
 * evidence are already redacted by the checks.
 *
 * @param dedupKey unique per notification and stable across retries and restarts; receivers may drop
 *     a message whose key they have seen
 * @param incidentKey the same for the trigger, reminders and the resolve of one incident (PagerDuty's
 *     {@code dedup_key}, email threading)
 * @param alertKey the persisted alert key ({@code probe/kind}, {@code config/<source>}, ...)
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param title one line, e.g. {@code [FIRING critical] qbo-invoice-read: latency}
 * @param summary one line saying what is wrong (or that it recovered)
 * @param since when the failing streak began; null for a test message
 * @param runs failing runs in this incident so far
 * @param occurredAt when the engine decided to notify
 */
public record AlertMessage(
        String dedupKey,
        String incidentKey,
        String alertKey,
        Event event,
        String severity,
        String title,
        String summary,
        String probeId,
        String vendor,
        String kind,
        Instant since,
        int runs,
        Instant occurredAt,
        List<FindingDetail> findings,
        Map<String, String> labels,
        List<Link> links) {

    public AlertMessage {
        findings = List.copyOf(findings == null ? List.of() : findings);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        links = List.copyOf(links == null ? List.of() : links);
    }

    /** Why a notification was sent. */
    public enum Event {
        /** The alert started firing (or escalated from warning). */
        FIRING,
        /** Still firing; sent every {@code repeat}. */
        REMINDER,
        /** The alert recovered. */
        RESOLVED,
        /** State changed too often; notifications pause until it settles. */
        FLAPPING,
        /** {@code driftwatch alerts test CHANNEL}. */
        TEST;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One finding as shown in a notification; evidence keeps the check's order. */
    public record FindingDetail(String check, String kind, String level, String message, Map<String, String> evidence) {
        public FindingDetail {
            evidence = java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(evidence == null ? Map.of() : evidence));
        }
    }

    /** A labelled URL: the probe page, a Grafana dashboard, a runbook. */
    public record Link(String text, String href) {}

    /** True for events that announce trouble (a trigger in PagerDuty's terms). */
    public boolean isProblem() {
        return event == Event.FIRING || event == Event.REMINDER || event == Event.FLAPPING || event == Event.TEST;
    }
}

package io.driftwatch.alert;

import io.driftwatch.alert.config.Thresholds;
import io.driftwatch.channel.AlertMessage.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The alert state machine, pure: {@link #observe} applies one run to a state, {@link #decide} compares
 * the state with what receivers were told and returns the notices to send. Nothing here does I/O, so
 * the engine can run both inside the transaction that also writes the outbox.
 *
 * <pre>
 * status     run      condition                          next       notice (unless held back)
 * OK         fail     failures &lt; failureThreshold        PENDING    -
 * OK/PENDING fail     failures &gt;= failureThreshold       FIRING     FIRING
 * PENDING    pass                                        OK         -
 * FIRING     fail     repeat elapsed since last notice   FIRING     REMINDER
 * FIRING     fail     severity rose (warning-&gt;critical) FIRING     FIRING (escalation)
 * FIRING     pass     successes &lt; successThreshold      RESOLVING  -
 * RESOLVING  fail                                        FIRING     -
 * FIRING/RES pass     successes &gt;= successThreshold     OK         RESOLVED (if sendResolved)
 * any        -        &gt; flapLimit transitions in window  (same)     FLAPPING once, then silence
 * </pre>
 *
 * Held back = maintenance, silence or flapping. When that ends, the next run sends whatever receivers
 * miss: FIRING for an open incident they never heard of, RESOLVED for one they think is still open.
 */
final class Lifecycle {
    private Lifecycle() {}

    enum Observation {
        FAILING,
        PASSING,
        /** The run could not tell (e.g. the vendor was unreachable, so the schema check never ran). */
        UNKNOWN
    }

    /** One notification to send; {@code incidentKey} is the incident it belongs to. */
    record Notice(Event event, String incidentKey, String dedupKey, String severity) {}

    static void observe(AlertState s, Observation o, String level, String severity, Thresholds t, Instant now) {
        if (o == Observation.UNKNOWN) return;
        String checksum = t.checksum();
        if (s.ruleChecksum != null && !s.ruleChecksum.equals(checksum) && !s.status.isOpen()) {
            // A changed rule restarts counting; an open incident is kept so its resolve is not lost.
            s.consecutiveFailures = 0;
            s.consecutiveSuccesses = 0;
            if (s.status == AlertStatus.PENDING) s.status = AlertStatus.OK;
        }
        s.ruleChecksum = checksum;
        s.lastRunAt = now;
        if (o == Observation.FAILING) fail(s, level, severity, t, now);
        else pass(s, t, now);
    }

    private static void fail(AlertState s, String level, String severity, Thresholds t, Instant now) {
        s.consecutiveSuccesses = 0;
        s.consecutiveFailures++;
        s.level = level;
        if (s.status == AlertStatus.OK) {
            s.status = AlertStatus.PENDING;
            s.firstFailureAt = now;
            s.incidentRuns = 0;
        }
        s.incidentRuns++;
        if (s.status == AlertStatus.PENDING) {
            s.severity = severity;
            if (s.consecutiveFailures >= t.failureThreshold()) {
                s.status = AlertStatus.FIRING;
                s.firedAt = now;
                s.incidentKey = s.alertKey + "@" + now.toEpochMilli();
                s.reminders = 0;
                transition(s, t, now);
            }
        } else {
            s.status = AlertStatus.FIRING;
            if (rank(severity) > rank(s.severity)) s.severity = severity;
        }
    }

    private static void pass(AlertState s, Thresholds t, Instant now) {
        s.consecutiveFailures = 0;
        s.consecutiveSuccesses++;
        switch (s.status) {
            case PENDING -> {
                s.status = AlertStatus.OK;
                s.firstFailureAt = null;
                s.incidentRuns = 0;
            }
            case FIRING, RESOLVING -> {
                s.status = AlertStatus.RESOLVING;
                if (s.consecutiveSuccesses >= t.successThreshold()) {
                    s.status = AlertStatus.OK;
                    transition(s, t, now);
                }
            }
            case OK -> {}
        }
    }

    private static void transition(AlertState s, Thresholds t, Instant now) {
        if (s.flapWindowStart == null
                || Duration.between(s.flapWindowStart, now).compareTo(t.flapWindow()) > 0) {
            s.flapWindowStart = now;
            s.flapTransitions = 1;
        } else {
            s.flapTransitions++;
        }
        s.lastTransitionAt = now;
    }

    static List<Notice> decide(AlertState s, Thresholds t, Instant now, boolean heldBack) {
        var notices = new ArrayList<Notice>();
        if (s.flapping && Duration.between(s.lastTransitionAt, now).compareTo(t.flapWindow()) >= 0) {
            s.flapping = false;
            s.flapTransitions = 0;
            s.flapWindowStart = null;
        } else if (!s.flapping && s.flapTransitions > t.flapLimit()) {
            s.flapping = true;
            if (!heldBack) {
                notices.add(new Notice(
                        Event.FLAPPING,
                        s.incidentKey != null ? s.incidentKey : s.alertKey,
                        s.alertKey + "/flapping@" + s.flapWindowStart.toEpochMilli(),
                        s.severity));
            }
        }
        if (heldBack || s.flapping) return notices;
        boolean open = s.status.isOpen();
        if (s.notifiedStatus == AlertStatus.FIRING
                && (!open || !Objects.equals(s.notifiedIncidentKey, s.incidentKey))) {
            if (t.sendResolved()) {
                notices.add(new Notice(
                        Event.RESOLVED,
                        s.notifiedIncidentKey,
                        s.notifiedIncidentKey + "/resolved",
                        s.notifiedSeverity));
            }
            s.notifiedStatus = AlertStatus.OK;
            s.notifiedIncidentKey = null;
            s.lastNotifiedAt = now;
        }
        if (!open) return notices;
        if (s.notifiedStatus == AlertStatus.OK) {
            notices.add(new Notice(Event.FIRING, s.incidentKey, s.incidentKey + "/firing", s.severity));
            s.notifiedStatus = AlertStatus.FIRING;
            s.notifiedSeverity = s.severity;
            s.notifiedIncidentKey = s.incidentKey;
            s.lastNotifiedAt = now;
            s.reminders = 0;
        } else if (rank(s.severity) > rank(s.notifiedSeverity)) {
            notices.add(new Notice(Event.FIRING, s.incidentKey, s.incidentKey + "/firing-" + s.severity, s.severity));
            s.notifiedSeverity = s.severity;
            s.lastNotifiedAt = now;
        } else if (s.status == AlertStatus.FIRING
                && !t.repeat().isZero()
                && Duration.between(s.lastNotifiedAt, now).compareTo(t.repeat()) >= 0) {
            s.reminders++;
            notices.add(
                    new Notice(Event.REMINDER, s.incidentKey, s.incidentKey + "/reminder-" + s.reminders, s.severity));
            s.lastNotifiedAt = now;
        }
        return notices;
    }

    static int rank(String severity) {
        return severity == null
                ? -1
                : switch (severity) {
                    case "critical" -> 2;
                    case "warning" -> 1;
                    default -> 0;
                };
    }
}

package io.driftwatch.alert;

import java.time.Instant;

/**
 * The persisted runtime state of one alert key (table {@code alert_state}). Mutable on purpose: it is
 * loaded, advanced by {@link Lifecycle} and saved inside one transaction, never shared between threads.
 */
public final class AlertState {
    public String alertKey;
    public String probeId;
    public String kind;
    public String vendor;
    public AlertStatus status = AlertStatus.OK;
    /** WARN or FAIL: the level of the latest failing run. */
    public String level;

    public String severity;
    public int consecutiveFailures;
    public int consecutiveSuccesses;
    public int incidentRuns;
    public Instant firstFailureAt;
    public Instant firedAt;
    public String incidentKey;
    public Instant lastRunAt;
    /** OK or FIRING: what receivers were last told. */
    public AlertStatus notifiedStatus = AlertStatus.OK;

    public String notifiedSeverity;
    public String notifiedIncidentKey;
    public Instant lastNotifiedAt;
    public int reminders;
    public Instant flapWindowStart;
    public int flapTransitions;
    public Instant lastTransitionAt;
    public boolean flapping;
    public String ruleChecksum;
    public String summary;
    public String messageJson;
    public Instant updatedAt;
    /** Not persisted: true until the first save inserts the row. */
    boolean isNew;

    static AlertState fresh(String alertKey, String probeId, String kind, String vendor) {
        AlertState s = new AlertState();
        s.alertKey = alertKey;
        s.probeId = probeId;
        s.kind = kind;
        s.vendor = vendor;
        s.isNew = true;
        return s;
    }
}

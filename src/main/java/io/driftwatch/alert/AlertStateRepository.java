package io.driftwatch.alert;

import io.driftwatch.outbox.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** JDBC access to {@code alert_state}; portable SQL (H2 and PostgreSQL). */
public final class AlertStateRepository {
    private static final String COLUMNS = "alert_key, probe_id, kind, vendor, status, alert_level, severity,"
            + " consecutive_failures, consecutive_successes, incident_runs, first_failure_at, fired_at, incident_key,"
            + " last_run_at, notified_status, notified_severity, notified_incident_key, last_notified_at, reminders,"
            + " flap_window_start, flap_transitions, last_transition_at, flapping, rule_checksum, summary,"
            + " message_json, updated_at";
    private static final int COLUMN_COUNT = 27;

    private final DataSource dataSource;

    public AlertStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every state row of one probe, locked until the caller's transaction ends. */
    /**
     * Ids of probes with an alert state that a passing run could still change: not OK, not yet notified
     * as OK, or flapping. Every other state is left as it is by a passing run.
     */
    Set<String> probesWithLiveState() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT DISTINCT probe_id FROM alert_state"
                        + " WHERE probe_id IS NOT NULL AND (status <> 'OK' OR notified_status <> 'OK' OR flapping)");
                ResultSet rs = ps.executeQuery()) {
            var ids = new java.util.HashSet<String>();
            while (rs.next()) ids.add(rs.getString(1));
            return ids;
        }
    }

    Map<String, AlertState> lockProbe(Connection c, String probeId) throws SQLException {
        return lockWhere(c, "probe_id = ?", probeId);
    }

    Optional<AlertState> lock(Connection c, String alertKey) throws SQLException {
        return lockWhere(c, "alert_key = ?", alertKey).values().stream().findFirst();
    }

    private static Map<String, AlertState> lockWhere(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM alert_state WHERE " + where + " FOR UPDATE")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                var states = new LinkedHashMap<String, AlertState>();
                while (rs.next()) {
                    AlertState s = read(rs);
                    states.put(s.alertKey, s);
                }
                return states;
            }
        }
    }

    /** Open alerts (firing or resolving), oldest first: {@code alerts list} and {@code /api/v1/alerts}. */
    public List<AlertState> open() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM alert_state WHERE status IN ('FIRING', 'RESOLVING') ORDER BY fired_at, alert_key");
                ResultSet rs = ps.executeQuery()) {
            var states = new ArrayList<AlertState>();
            while (rs.next()) states.add(read(rs));
            return states;
        }
    }

    public Optional<AlertState> find(String alertKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM alert_state WHERE alert_key = ?")) {
            ps.setString(1, alertKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Open alerts by severity, for {@code driftwatch_alerts_firing}. */
    public Map<String, Long> openBySeverity() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT severity, COUNT(*) AS n FROM alert_state"
                        + " WHERE status IN ('FIRING', 'RESOLVING') GROUP BY severity");
                ResultSet rs = ps.executeQuery()) {
            var counts = new LinkedHashMap<String, Long>();
            while (rs.next()) counts.put(String.valueOf(rs.getString("severity")), rs.getLong("n"));
            return counts;
        }
    }

    void save(Connection c, AlertState s) throws SQLException {
        String sql = s.isNew
                ? "INSERT INTO alert_state (" + COLUMNS + ") VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)"
                : "UPDATE alert_state SET "
                        + String.join(" = ?, ", COLUMNS.split(",\\s*")).substring("alert_key = ?, ".length())
                        + " = ? WHERE alert_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (s.isNew) ps.setString(i++, s.alertKey);
            ps.setString(i++, s.probeId);
            ps.setString(i++, s.kind);
            ps.setString(i++, s.vendor);
            ps.setString(i++, s.status.name());
            ps.setString(i++, s.level);
            ps.setString(i++, s.severity);
            ps.setInt(i++, s.consecutiveFailures);
            ps.setInt(i++, s.consecutiveSuccesses);
            ps.setInt(i++, s.incidentRuns);
            Jdbc.setInstant(ps, i++, s.firstFailureAt);
            Jdbc.setInstant(ps, i++, s.firedAt);
            ps.setString(i++, s.incidentKey);
            Jdbc.setInstant(ps, i++, s.lastRunAt);
            ps.setString(i++, s.notifiedStatus.name());
            ps.setString(i++, s.notifiedSeverity);
            ps.setString(i++, s.notifiedIncidentKey);
            Jdbc.setInstant(ps, i++, s.lastNotifiedAt);
            ps.setInt(i++, s.reminders);
            Jdbc.setInstant(ps, i++, s.flapWindowStart);
            ps.setInt(i++, s.flapTransitions);
            Jdbc.setInstant(ps, i++, s.lastTransitionAt);
            ps.setBoolean(i++, s.flapping);
            ps.setString(i++, s.ruleChecksum);
            ps.setString(i++, Jdbc.fit(s.summary, 2000));
            ps.setString(i++, s.messageJson);
            Jdbc.setInstant(ps, i++, s.updatedAt);
            if (!s.isNew) ps.setString(i, s.alertKey);
            ps.executeUpdate();
        }
        s.isNew = false;
    }

    private static AlertState read(ResultSet rs) throws SQLException {
        AlertState s = new AlertState();
        s.alertKey = rs.getString("alert_key");
        s.probeId = rs.getString("probe_id");
        s.kind = rs.getString("kind");
        s.vendor = rs.getString("vendor");
        s.status = AlertStatus.valueOf(rs.getString("status"));
        s.level = rs.getString("alert_level");
        s.severity = rs.getString("severity");
        s.consecutiveFailures = rs.getInt("consecutive_failures");
        s.consecutiveSuccesses = rs.getInt("consecutive_successes");
        s.incidentRuns = rs.getInt("incident_runs");
        s.firstFailureAt = Jdbc.instant(rs, "first_failure_at");
        s.firedAt = Jdbc.instant(rs, "fired_at");
        s.incidentKey = rs.getString("incident_key");
        s.lastRunAt = Jdbc.instant(rs, "last_run_at");
        s.notifiedStatus = AlertStatus.valueOf(rs.getString("notified_status"));
        s.notifiedSeverity = rs.getString("notified_severity");
        s.notifiedIncidentKey = rs.getString("notified_incident_key");
        s.lastNotifiedAt = Jdbc.instant(rs, "last_notified_at");
        s.reminders = rs.getInt("reminders");
        s.flapWindowStart = Jdbc.instant(rs, "flap_window_start");
        s.flapTransitions = rs.getInt("flap_transitions");
        s.lastTransitionAt = Jdbc.instant(rs, "last_transition_at");
        s.flapping = rs.getBoolean("flapping");
        s.ruleChecksum = rs.getString("rule_checksum");
        s.summary = rs.getString("summary");
        s.messageJson = rs.getString("message_json");
        s.updatedAt = Jdbc.instant(rs, "updated_at");
        return s;
    }
}

package io.driftwatch.alert;

import static io.driftwatch.alert.Lifecycle.Observation.FAILING;
import static io.driftwatch.alert.Lifecycle.Observation.PASSING;
import static io.driftwatch.alert.Lifecycle.Observation.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alert.config.Thresholds;
import io.driftwatch.channel.AlertMessage.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state table in {@link Lifecycle}'s javadoc, row by row. */
class LifecycleTest {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    final AlertState s = AlertState.fresh("p/latency", "p", "latency", "quickbooks");
    Instant now = T0;

    /** Applies runs one minute apart; F = fail, W = degraded, P = pass, ? = unknown. Returns the notices. */
    List<String> runs(String pattern, Thresholds t, boolean heldBack) {
        var notices = new ArrayList<String>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case 'F' -> Lifecycle.observe(s, FAILING, "FAIL", "critical", t, now);
                case 'W' -> Lifecycle.observe(s, FAILING, "WARN", "warning", t, now);
                case 'P' -> Lifecycle.observe(s, PASSING, null, null, t, now);
                default -> Lifecycle.observe(s, UNKNOWN, null, null, t, now);
            }
            for (var n : Lifecycle.decide(s, t, now, heldBack)) notices.add(n.event() + " " + n.severity());
            now = now.plus(Duration.ofMinutes(1));
        }
        return notices;
    }

    List<String> runs(String pattern) {
        return runs(pattern, Thresholds.DEFAULT, false);
    }

    @Test
    void thresholdsGateFiringAndResolving() {
        assertThat(runs("F")).isEmpty();
        assertThat(s.status).isEqualTo(AlertStatus.PENDING);
        assertThat(runs("P")).isEmpty();
        assertThat(s.status).isEqualTo(AlertStatus.OK);
        assertThat(runs("FF")).containsExactly("FIRING critical");
        assertThat(s.status).isEqualTo(AlertStatus.FIRING);
        assertThat(runs("P")).isEmpty();
        assertThat(s.status).isEqualTo(AlertStatus.RESOLVING);
        assertThat(runs("F")).isEmpty();
        assertThat(s.status).isEqualTo(AlertStatus.FIRING);
        assertThat(runs("PP")).containsExactly("RESOLVED critical");
        assertThat(s.status).isEqualTo(AlertStatus.OK);
        assertThat(s.incidentRuns).isEqualTo(3);
    }

    @Test
    void unknownRunsChangeNothing() {
        runs("FF");
        assertThat(runs("????")).isEmpty();
        assertThat(s.status).isEqualTo(AlertStatus.FIRING);
        assertThat(s.consecutiveFailures).isEqualTo(2);
    }

    @Test
    void degradedFiresAsWarningAndEscalatesOnce() {
        assertThat(runs("WW")).containsExactly("FIRING warning");
        assertThat(runs("FFW")).containsExactly("FIRING critical");
        assertThat(runs("WF")).isEmpty();
    }

    @Test
    void remindersFollowRepeatAndZeroDisablesThem() {
        var t = new Thresholds(2, 2, Duration.ofMinutes(10), true, Duration.ofHours(1), 4);
        assertThat(runs("F".repeat(25), t, false))
                .containsExactly("FIRING critical", "REMINDER critical", "REMINDER critical");
        assertThat(s.reminders).isEqualTo(2);
        var none = new Thresholds(2, 2, Duration.ZERO, true, Duration.ofHours(1), 4);
        assertThat(runs("F".repeat(25), none, false)).isEmpty();
    }

    @Test
    void sendResolvedFalseClosesSilently() {
        var t = new Thresholds(2, 2, Duration.ofHours(4), false, Duration.ofHours(1), 4);
        assertThat(runs("FFPP", t, false)).containsExactly("FIRING critical");
        assertThat(s.notifiedStatus).isEqualTo(AlertStatus.OK);
        assertThat(runs("FF", t, false)).containsExactly("FIRING critical");
    }

    @Test
    void heldBackIncidentsAreAnnouncedOrClosedWhenReleased() {
        assertThat(runs("FFF", Thresholds.DEFAULT, true)).isEmpty();
        assertThat(runs("F")).containsExactly("FIRING critical");
        assertThat(runs("PP", Thresholds.DEFAULT, true)).isEmpty();
        assertThat(runs("P")).containsExactly("RESOLVED critical");
        // An incident that opens and closes while held back is never mentioned.
        assertThat(runs("FFPP", Thresholds.DEFAULT, true)).isEmpty();
        assertThat(runs("P")).isEmpty();
    }

    @Test
    void aNewIncidentAfterAnUnannouncedResolveClosesTheOldOneFirst() {
        assertThat(runs("FF")).containsExactly("FIRING critical");
        String first = s.incidentKey;
        assertThat(runs("PPFF", Thresholds.DEFAULT, true)).isEmpty();
        var notices = new ArrayList<Lifecycle.Notice>();
        Lifecycle.observe(s, FAILING, "FAIL", "critical", Thresholds.DEFAULT, now);
        notices.addAll(Lifecycle.decide(s, Thresholds.DEFAULT, now, false));
        assertThat(notices)
                .extracting(Lifecycle.Notice::event, Lifecycle.Notice::incidentKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Event.RESOLVED, first),
                        org.assertj.core.groups.Tuple.tuple(Event.FIRING, s.incidentKey));
        assertThat(s.incidentKey).isNotEqualTo(first);
    }

    @Test
    void flappingSendsOneNoticeThenWaitsForAQuietWindow() {
        assertThat(runs("FFPP".repeat(10)))
                .containsExactly(
                        "FIRING critical",
                        "RESOLVED critical",
                        "FIRING critical",
                        "RESOLVED critical",
                        "FLAPPING critical");
        assertThat(s.flapping).isTrue();
        // Quiet (passing) for a whole window: flapping ends; receivers were last told RESOLVED, so nothing to send.
        assertThat(runs("P".repeat(61))).isEmpty();
        assertThat(s.flapping).isFalse();
        assertThat(runs("FF")).containsExactly("FIRING critical");
    }

    @Test
    void changedRuleRestartsCountingButKeepsAnOpenIncident() {
        runs("F");
        var stricter = new Thresholds(3, 2, Duration.ofHours(4), true, Duration.ofHours(1), 4);
        assertThat(runs("FF", stricter, false)).isEmpty(); // counting restarted under the new rule
        assertThat(runs("F", stricter, false)).containsExactly("FIRING critical");
        assertThat(runs("P", Thresholds.DEFAULT, false)).isEmpty(); // open: rule change does not reset
        assertThat(s.status).isEqualTo(AlertStatus.RESOLVING);
    }
}

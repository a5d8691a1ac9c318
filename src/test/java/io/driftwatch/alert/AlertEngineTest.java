package io.driftwatch.alert;

import static io.driftwatch.alert.AlertHarness.QBO;
import static io.driftwatch.alert.AlertHarness.T0;
import static io.driftwatch.channel.AlertMessage.Event.FIRING;
import static io.driftwatch.channel.AlertMessage.Event.FLAPPING;
import static io.driftwatch.channel.AlertMessage.Event.REMINDER;
import static io.driftwatch.channel.AlertMessage.Event.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.Link;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.TransportFailure;
import io.driftwatch.outbox.RecordingChannel;
import io.driftwatch.probe.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertEngineTest {
    static final String CONFIG = """
            settings:
              publicUrl: https://driftwatch.example.com/
              grafanaUrl: https://grafana.example.com/d/driftwatch?var-probe={probe}
            channels:
              mail:
                type: email
                host: 127.0.0.1
                port: "3025"
                security: none
                from: driftwatch@example.com
                to: [oncall@example.com]
              hook:
                type: webhook
                url: https://hooks.example.com/driftwatch
                secret: ${HOOK_SECRET}
            routes:
              - name: everything
                channels: [mail, hook]
            """;

    @TempDir
    Path dir;

    final RecordingChannel mail = new RecordingChannel("mail");
    final RecordingChannel hook = new RecordingChannel("hook");
    AlertHarness h;

    AlertHarness harness(String yaml) throws Exception {
        h = new AlertHarness(dir, yaml, Map.of("HOOK_SECRET", "s"), Map.of("mail", mail, "hook", hook));
        return h;
    }

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void firesAfterTwoFailingRunsAndResolvesAfterTwoPassingOnes() throws Exception {
        harness(CONFIG);
        h.slow(QBO);
        assertThat(h.tick()).isZero(); // one failure: pending
        h.slow(QBO);
        assertThat(h.tick()).isEqualTo(2);
        assertThat(h.registry.scrape()).contains("driftwatch_alerts_firing{severity=\"critical\"} 1.0");
        for (int i = 0; i < 5; i++) {
            h.slow(QBO);
            h.tick();
        }
        h.pass(QBO);
        assertThat(h.tick()).isZero(); // resolving: one pass is not enough
        assertThat(h.engine.states().open()).hasSize(1);
        h.pass(QBO);
        assertThat(h.tick()).isEqualTo(2);

        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED);
        assertThat(h.events(hook)).containsExactly(FIRING, RESOLVED);
        AlertMessage firing = mail.received().get(0);
        assertThat(firing.title()).isEqualTo("[FIRING critical] qbo-invoice-read: latency");
        assertThat(firing.summary()).isEqualTo("Latency 312 ms exceeded max 200 ms");
        assertThat(firing.since()).isEqualTo(T0);
        assertThat(firing.runs()).isEqualTo(2);
        assertThat(firing.vendor()).isEqualTo("quickbooks");
        assertThat(firing.findings().get(0).evidence())
                .containsEntry("observedMs", "312")
                .containsEntry("maxMs", "200");
        assertThat(firing.links())
                .containsExactly(
                        new Link("Probe page", "https://driftwatch.example.com/probes/qbo-invoice-read"),
                        new Link("Grafana", "https://grafana.example.com/d/driftwatch?var-probe=qbo-invoice-read"),
                        new Link("Runbook", "https://wiki.example.com/runbooks/qbo-invoice-read"));
        assertThat(firing.dedupKey())
                .isEqualTo("qbo-invoice-read/latency@" + T0.plusSeconds(60).toEpochMilli() + "/firing");
        AlertMessage resolved = mail.received().get(1);
        assertThat(resolved.incidentKey()).isEqualTo(firing.incidentKey());
        assertThat(resolved.title()).isEqualTo("[RESOLVED] qbo-invoice-read: latency");
        assertThat(resolved.summary())
                .isEqualTo("Recovered after 2 passing runs; was: Latency 312 ms exceeded max 200 ms");
        assertThat(resolved.runs()).isEqualTo(7);
        assertThat(h.engine.states().open()).isEmpty();
        assertThat(h.registry.scrape()).contains("driftwatch_alerts_firing{severity=\"critical\"} 0.0");
    }

    @Test
    void remindsEveryFourHoursWhileFiring() throws Exception {
        harness(CONFIG);
        for (int minute = 0; minute <= 9 * 60; minute++) {
            h.slow(QBO);
            h.tick();
        }
        assertThat(h.events(mail)).containsExactly(FIRING, REMINDER, REMINDER);
        assertThat(mail.received().get(1).dedupKey()).endsWith("/reminder-1");
        assertThat(Duration.between(
                        mail.received().get(0).occurredAt(),
                        mail.received().get(1).occurredAt()))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void degradedRunsRaiseAWarningThatEscalatesWhenTheRunFails() throws Exception {
        harness(CONFIG);
        Finding degraded = Finding.warn("latency", FindingKind.LATENCY, "Latency 170 ms above degraded 150 ms");
        h.run(QBO, degraded);
        h.tick();
        h.run(QBO, degraded);
        h.tick();
        h.slow(QBO);
        h.tick();
        h.slow(QBO);
        h.tick();
        assertThat(mail.received())
                .extracting(AlertMessage::event, AlertMessage::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FIRING, "warning"),
                        org.assertj.core.groups.Tuple.tuple(FIRING, "critical"));
        assertThat(mail.received().get(1).dedupKey()).endsWith("/firing-critical");
        assertThat(mail.received().get(0).incidentKey())
                .isEqualTo(mail.received().get(1).incidentKey());
    }

    @Test
    void killedBetweenStateChangeAndDeliveryDeliversAfterRestartWithoutDuplicate() throws Exception {
        harness(CONFIG);
        h.slow(QBO);
        h.clock.advance(Duration.ofMinutes(1));
        h.slow(QBO); // committed: state FIRING + two outbox rows; nothing delivered yet
        h.restart();
        assertThat(mail.received()).isEmpty();
        assertThat(h.tick()).isEqualTo(2);
        h.slow(QBO); // still failing after restart: no second FIRING
        h.tick();
        h.restart();
        h.slow(QBO);
        h.tick();
        assertThat(h.events(mail)).containsExactly(FIRING);
        assertThat(h.events(hook)).containsExactly(FIRING);
    }

    @Test
    void incidentSpanningRestartsResolvesExactlyOnce() throws Exception {
        harness(CONFIG);
        h.slow(QBO);
        h.tick();
        h.slow(QBO);
        h.tick();
        h.restart();
        h.pass(QBO);
        h.tick();
        h.restart();
        h.pass(QBO);
        h.tick();
        h.restart();
        for (int i = 0; i < 3; i++) {
            h.pass(QBO);
            h.tick();
        }
        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED);
        assertThat(h.events(hook)).containsExactly(FIRING, RESOLVED);
    }

    @Test
    void aProbeFlappingEveryRunSendsNothing() throws Exception {
        harness(CONFIG);
        for (int i = 0; i < 50; i++) {
            h.slow(QBO);
            h.tick();
            h.pass(QBO);
            h.tick();
        }
        assertThat(mail.received()).isEmpty();
        assertThat(h.outbox.all(10)).isEmpty();
    }

    @Test
    void aProbeFlappingAcrossThresholdsSendsOneNoticeThenTheSettledState() throws Exception {
        harness(CONFIG);
        for (int cycle = 0; cycle < 20; cycle++) { // fail, fail, pass, pass: a transition every other run
            h.slow(QBO);
            h.tick();
            h.slow(QBO);
            h.tick();
            h.pass(QBO);
            h.tick();
            h.pass(QBO);
            h.tick();
        }
        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED, FIRING, RESOLVED, FLAPPING);
        for (int minute = 0; minute < 70; minute++) { // settles failing
            h.slow(QBO);
            h.tick();
        }
        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED, FIRING, RESOLVED, FLAPPING, FIRING);
        assertThat(mail.received().get(4).summary()).startsWith("Changing state too often (5 times since ");
    }

    @Test
    void maintenanceWindowHoldsNotificationsBackAndResumesAfterIt() throws Exception {
        harness(CONFIG + """
                maintenance:
                  - name: qbo-upgrade
                    match: { vendor: quickbooks }
                    timezone: America/New_York
                    start: 2026-11-21T05:05:00
                    end: 2026-11-21T05:30:00
                """);
        // 10:00-10:04 passing; 10:05-10:14 failing and 10:15-10:19 passing inside the window: nothing sent.
        for (int minute = 0; minute < 20; minute++) {
            if (minute >= 5 && minute < 15) h.slow(QBO);
            else h.pass(QBO);
            h.tick();
        }
        assertThat(h.outbox.all(10)).isEmpty();
        // 10:20 onwards failing: fires at 10:21 in the window, announced when it ends at 10:30.
        while (h.clock.instant().isBefore(T0.plus(Duration.ofMinutes(40)))) {
            h.slow(QBO);
            h.tick();
        }
        h.pass(QBO);
        h.tick();
        h.pass(QBO);
        h.tick();
        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED);
        assertThat(mail.received().get(0).occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(mail.received().get(0).since()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    }

    @Test
    void deadLetterAfter24hRaisesDeliveryFailedThroughTheOtherChannel() throws Exception {
        harness(CONFIG);
        mail.down(true);
        h.slow(QBO);
        h.tick();
        h.slow(QBO);
        h.tick();
        assertThat(h.events(hook)).containsExactly(FIRING);
        for (int i = 0; i < 24 * 6 + 2; i++) {
            h.clock.advance(Duration.ofMinutes(10));
            h.dispatcher.pollOnce();
        }
        assertThat(h.outbox.dead(10)).hasSize(1);
        assertThat(hook.received()).hasSize(2);
        AlertMessage failed = hook.received().get(1);
        assertThat(failed.alertKey()).isEqualTo("delivery-failed/mail");
        assertThat(failed.title()).isEqualTo("[FIRING critical] delivery-failed: mail");
        assertThat(failed.summary()).isEqualTo("Notifications to channel 'mail' are failing: channel 'mail': HTTP 503");
        assertThat(failed.findings().get(0).evidence())
                .containsEntry("channel", "mail")
                .containsEntry("notification", "[FIRING critical] qbo-invoice-read: latency");
        assertThat(mail.received()).isEmpty();

        mail.down(false); // the channel recovers: the next delivery to it resolves the delivery alert
        h.pass(QBO);
        h.tick();
        h.pass(QBO);
        h.tick();
        h.tick();
        assertThat(h.events(mail)).containsExactly(RESOLVED);
        assertThat(hook.received())
                .extracting(AlertMessage::alertKey, AlertMessage::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qbo-invoice-read/latency", FIRING),
                        org.assertj.core.groups.Tuple.tuple("delivery-failed/mail", FIRING),
                        org.assertj.core.groups.Tuple.tuple("qbo-invoice-read/latency", RESOLVED),
                        org.assertj.core.groups.Tuple.tuple("delivery-failed/mail", RESOLVED));
    }

    @Test
    void configReloadProblemsAlertAtOnceAndResolveWhenFixed() throws Exception {
        harness(CONFIG);
        h.engine.onConfigProblems(
                "probes", List.of("probes/a.yaml:3:5: unknown key 'shedule'", "probes/b.yaml:1:1: x"));
        h.tick();
        h.engine.onConfigLoaded("probes");
        h.tick();
        assertThat(h.events(mail)).containsExactly(FIRING, RESOLVED);
        AlertMessage firing = mail.received().get(0);
        assertThat(firing.title()).isEqualTo("[FIRING warning] config: probes");
        assertThat(firing.summary())
                .isEqualTo("Configuration reload failed with 2 problems; the last good configuration keeps running");
        assertThat(firing.findings())
                .extracting(AlertMessage.FindingDetail::message)
                .containsExactly("probes/a.yaml:3:5: unknown key 'shedule'", "probes/b.yaml:1:1: x");
    }

    @Test
    void whileTheVendorIsUnreachableOtherAlertsNeitherResolveNorFire() throws Exception {
        harness(CONFIG);
        h.slow(QBO);
        h.tick();
        h.slow(QBO);
        h.tick();
        for (int i = 0; i < 3; i++) {
            var refused = Finding.fail("exchange", FindingKind.CONNECTION_REFUSED, "Connection refused");
            var exchange = new Exchange(
                    h.clock.instant(),
                    "GET",
                    "https://x",
                    0,
                    Map.of(),
                    null,
                    0,
                    0,
                    0,
                    1,
                    new TransportFailure(FindingKind.CONNECTION_REFUSED, "Connection refused"),
                    null,
                    null);
            h.engine.onResult(
                    QBO,
                    "quickbooks",
                    new ProbeResult(
                            QBO.id(),
                            "quickbooks",
                            h.clock.instant(),
                            h.clock.instant(),
                            io.driftwatch.finding.Outcome.FAIL,
                            FindingKind.CONNECTION_REFUSED,
                            exchange,
                            List.of(),
                            List.of(refused)));
            h.tick();
        }
        assertThat(mail.received())
                .extracting(AlertMessage::alertKey, AlertMessage::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qbo-invoice-read/latency", FIRING),
                        org.assertj.core.groups.Tuple.tuple("qbo-invoice-read/unreachable", FIRING));
        assertThat(h.engine.states().open())
                .extracting(s -> s.alertKey)
                .containsExactlyInAnyOrder("qbo-invoice-read/latency", "qbo-invoice-read/unreachable");
    }
}

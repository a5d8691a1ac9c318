package io.driftwatch.alert;

import static io.driftwatch.alert.AlertHarness.QBO;
import static io.driftwatch.channel.AlertMessage.Event.FIRING;
import static io.driftwatch.channel.AlertMessage.Event.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.Matcher;
import io.driftwatch.alert.config.Route;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.outbox.Backoff;
import io.driftwatch.outbox.OutboxDispatcher;
import io.driftwatch.outbox.OutboxMetrics;
import io.driftwatch.outbox.OutboxRepository;
import io.driftwatch.outbox.RecordingChannel;
import io.driftwatch.outbox.TestDatabases;
import io.driftwatch.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's state and outbox SQL on PostgreSQL (FOR UPDATE, booleans, timestamps), fire to resolve. */
class AlertEnginePostgresTest {
    @Test
    void firesAndResolvesOnPostgres() throws Exception {
        try (var db = TestDatabases.postgres()) {
            var clock = new MutableClock(AlertHarness.T0);
            var route = new Route("all", Matcher.ANY, List.of("mail"), false, null, null, null, null, null);
            var config = new AlertingConfig(
                    AlertingConfig.DEFAULT_PUBLIC_URL,
                    null,
                    AlertingConfig.EMPTY.defaults(),
                    List.of(),
                    List.of(),
                    List.of(route),
                    List.of(),
                    List.of(),
                    AlertingConfig.EMPTY.delivery());
            var registry = new SimpleMeterRegistry();
            var engine = new AlertEngine(db.dataSource(), config, clock, new AlertMetrics(registry));
            var mail = new RecordingChannel("mail");
            var dispatcher = new OutboxDispatcher(
                    new OutboxRepository(db.dataSource()),
                    Map.of("mail", mail),
                    clock,
                    new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), () -> 0L),
                    Duration.ofHours(24),
                    engine,
                    new OutboxMetrics(registry));
            for (String run : List.of("F", "F", "F", "P", "P", "P")) {
                if (run.equals("F")) {
                    engine.onResult(
                            QBO,
                            "quickbooks",
                            AlertHarness.result(QBO.id(), clock.instant(), 200, List.of(AlertHarness.latencyFail())));
                } else {
                    engine.onResult(QBO, "quickbooks", AlertHarness.result(QBO.id(), clock.instant(), 200, List.of()));
                }
                clock.advance(Duration.ofMinutes(1));
                dispatcher.pollOnce();
            }
            assertThat(mail.received()).extracting(AlertMessage::event).containsExactly(FIRING, RESOLVED);
            assertThat(engine.states().find("qbo-invoice-read/latency").orElseThrow().status)
                    .isEqualTo(AlertStatus.OK);
        }
    }
}

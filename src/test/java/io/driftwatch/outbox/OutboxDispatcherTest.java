package io.driftwatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelDependencies;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.channel.LoopbackReceiver;
import io.driftwatch.config.Secret;
import io.driftwatch.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDispatcherTest {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    /** Jitter pinned to its lowest value: attempt n waits exactly half of initial * 2^(n-1). */
    static final RandomGenerator LOWEST = () -> 0L;

    @TempDir
    Path dir;

    HikariDataSource ds;
    OutboxRepository repo;
    final MutableClock clock = new MutableClock(T0);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final List<String> deadLetters = new CopyOnWriteArrayList<>();
    final DeliveryListener listener = new DeliveryListener() {
        @Override
        public void onDeadLetter(Notification n, String lastError) {
            deadLetters.add(n.channel() + " " + n.dedupKey() + " " + lastError);
        }
    };

    @BeforeEach
    void open() {
        ds = TestDatabases.h2(dir);
        repo = new OutboxRepository(ds);
    }

    @AfterEach
    void close() {
        ds.close();
    }

    OutboxDispatcher dispatcher(Map<String, Channel> channels) {
        return new OutboxDispatcher(
                repo,
                channels,
                clock,
                new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), LOWEST),
                Duration.ofHours(24),
                listener,
                new OutboxMetrics(registry));
    }

    void enqueue(String channel, AlertMessage message) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            repo.enqueue(c, channel, message, clock.instant());
            c.commit();
        }
    }

    @Test
    void webhookAnswering500Then200IsDeliveredOnTheRetryWithTheSameDedupKey() throws Exception {
        try (var receiver = new LoopbackReceiver(200).answer(500)) {
            var spec = new ChannelSpec(
                    "hook",
                    "webhook",
                    Map.of("url", receiver.url("/hook").toString()),
                    Map.of("secret", Secret.of("s")),
                    Map.of(),
                    Map.of(),
                    Map.of());
            Channel hook =
                    ChannelRegistry.standard().create(spec, new ChannelDependencies(HttpClient.newHttpClient(), clock));
            var dispatcher = dispatcher(Map.of("hook", hook));
            enqueue("hook", Messages.firing("k/firing"));

            assertThat(dispatcher.pollOnce()).isZero();
            Notification waiting = repo.pending(10).get(0);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).isEqualTo("channel 'hook': HTTP 500: boom");
            assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(registry.scrape())
                    .contains("driftwatch_notifications_total{channel=\"hook\",outcome=\"failed\"} 1.0")
                    .contains("driftwatch_outbox_pending 1.0");

            assertThat(dispatcher.pollOnce()).isZero(); // not due yet: no second request
            assertThat(receiver.requests()).hasSize(1);

            clock.advance(Duration.ofSeconds(5));
            assertThat(dispatcher.pollOnce()).isEqualTo(1);
            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests())
                    .extracting(r -> r.header("X-Driftwatch-Dedup-Key"))
                    .containsOnly("k/firing");
            assertThat(repo.pending(10)).isEmpty();
            assertThat(dispatcher.pollOnce()).isZero(); // delivered once, never again
            assertThat(receiver.requests()).hasSize(2);
            assertThat(registry.scrape())
                    .contains("driftwatch_notifications_total{channel=\"hook\",outcome=\"delivered\"} 1.0")
                    .contains("driftwatch_outbox_pending 0.0")
                    .contains("driftwatch_outbox_oldest_seconds 0.0");
        }
    }

    @Test
    void perChannelOrderIsKeptAndOtherChannelsAreNotHeldUp() throws Exception {
        var mail = new RecordingChannel("mail");
        var hook = new RecordingChannel("hook");
        var dispatcher = dispatcher(Map.of("mail", mail, "hook", hook));
        AlertMessage firing = Messages.firing("k/firing");
        mail.down(true);
        enqueue("mail", firing);
        enqueue("hook", firing);
        clock.advance(Duration.ofSeconds(1));
        enqueue("mail", Messages.withEvent(firing, Event.RESOLVED));

        assertThat(dispatcher.pollOnce()).isEqualTo(1);
        assertThat(hook.received()).hasSize(1);
        assertThat(mail.attempts()).isEqualTo(1); // the resolve waits behind its trigger
        assertThat(registry.scrape()).contains("driftwatch_outbox_oldest_seconds 1.0");
        clock.advance(Duration.ofSeconds(30));
        dispatcher.pollOnce(); // still down: second attempt of the trigger only
        assertThat(mail.attempts()).isEqualTo(2);
        assertThat(registry.scrape()).contains("driftwatch_outbox_oldest_seconds 31.0");

        mail.down(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.pollOnce()).isEqualTo(2);
        assertThat(mail.received()).extracting(AlertMessage::event).containsExactly(Event.FIRING, Event.RESOLVED);
    }

    @Test
    void deadLettersAfter24hAndTellsTheListener() throws Exception {
        var mail = new RecordingChannel("mail");
        mail.down(true);
        var dispatcher = dispatcher(Map.of("mail", mail));
        enqueue("mail", Messages.firing("k/firing"));
        for (int i = 0; i < 200 && !repo.pending(1).isEmpty(); i++) {
            dispatcher.pollOnce();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(repo.pending(10)).isEmpty();
        Notification dead = repo.dead(10).get(0);
        assertThat(Duration.between(dead.pendingSince(), dead.deadAt())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(dead.pendingSince(), dead.deadAt()))
                .isLessThan(Duration.ofHours(24).plusMinutes(10));
        assertThat(deadLetters).containsExactly("mail k/firing channel 'mail': HTTP 503");
        assertThat(registry.scrape()).contains("driftwatch_notifications_total{channel=\"mail\",outcome=\"dead\"} 1.0");

        // alerts retry: back to pending, delivered once the channel works.
        mail.down(false);
        assertThat(repo.retryDead(List.of(), clock.instant())).isEqualTo(1);
        assertThat(dispatcher.pollOnce()).isEqualTo(1);
        assertThat(mail.received()).hasSize(1);
    }

    @Test
    void unknownChannelIsRetriedNotLost() throws Exception {
        var dispatcher = dispatcher(Map.of());
        enqueue("gone", Messages.firing("k/firing"));
        dispatcher.pollOnce();
        assertThat(repo.pending(10).get(0).lastError()).isEqualTo("channel 'gone' is not configured");
        var back = new RecordingChannel("gone");
        dispatcher.setChannels(Map.of("gone", back));
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.pollOnce()).isEqualTo(1);
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        var lowest = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), LOWEST);
        assertThat(List.of(1, 2, 3, 4, 8, 20).stream().map(lowest::delay).toList())
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(300));
        var random = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), new java.util.SplittableRandom(42));
        for (int attempt = 1; attempt < 30; attempt++) {
            long ceiling = Math.min(600_000, 10_000L << Math.min(attempt - 1, 20));
            assertThat(random.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
        }
    }
}

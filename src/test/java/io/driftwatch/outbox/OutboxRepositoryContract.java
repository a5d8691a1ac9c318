package io.driftwatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.outbox.Notification.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The outbox repository's behaviour, run against each real database by a subclass. */
abstract class OutboxRepositoryContract {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    abstract DataSource dataSource();

    OutboxRepository repo() {
        return new OutboxRepository(dataSource());
    }

    void enqueue(String channel, String dedupKey, Instant at) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            repo().enqueue(c, channel, Messages.firing(dedupKey), at);
            c.commit();
        }
    }

    @Test
    void enqueuedRowRoundTripsItsMessage() throws SQLException {
        enqueue("mail", "k/firing", T0);
        List<Notification> pending = repo().pending(10);
        assertThat(pending).hasSize(1);
        Notification n = pending.get(0);
        assertThat(n.status()).isEqualTo(Status.PENDING);
        assertThat(n.attempts()).isZero();
        assertThat(n.createdAt()).isEqualTo(T0);
        assertThat(n.nextAttemptAt()).isEqualTo(T0);
        assertThat(n.message()).isEqualTo(Messages.firing("k/firing"));
    }

    @Test
    void enqueueRolledBackLeavesNothing() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            repo().enqueue(c, "mail", Messages.firing("k/firing"), T0);
            c.rollback();
        }
        assertThat(repo().pending(10)).isEmpty();
    }

    @Test
    void dedupKeyIsUniquePerChannel() throws SQLException {
        enqueue("mail", "k/firing", T0);
        enqueue("hook", "k/firing", T0);
        assertThatThrownBy(() -> enqueue("mail", "k/firing", T0)).isInstanceOf(SQLException.class);
        assertThat(repo().pending(10)).hasSize(2);
    }

    @Test
    void claimIsExclusiveAndLeasesTheRow() throws SQLException {
        enqueue("mail", "k/firing", T0);
        Notification seen = repo().pending(10).get(0);
        assertThat(repo().claim(seen, T0, Duration.ofMinutes(2))).isTrue();
        assertThat(repo().claim(seen, T0, Duration.ofMinutes(2))).isFalse(); // a second dispatcher loses
        Notification claimed = repo().pending(10).get(0);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void retryDeliveredDeadAndBackToPending() throws SQLException {
        enqueue("mail", "a", T0);
        enqueue("mail", "b", T0.plusSeconds(1));
        List<Notification> rows = repo().pending(10);
        repo().markRetry(rows.get(0).id(), T0.plusSeconds(30), "channel 'mail': HTTP 500");
        repo().markDelivered(rows.get(1).id(), T0.plusSeconds(2));
        Notification retried = repo().pending(10).get(0);
        assertThat(retried.lastError()).isEqualTo("channel 'mail': HTTP 500");
        assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));

        repo().markDead(retried.id(), T0.plus(Duration.ofHours(24)), "x".repeat(5000));
        assertThat(repo().pending(10)).isEmpty();
        Notification dead = repo().dead(10).get(0);
        assertThat(dead.lastError()).hasSize(1000).endsWith("...");
        assertThat(dead.deadAt()).isEqualTo(T0.plus(Duration.ofHours(24)));

        Instant later = T0.plus(Duration.ofHours(25));
        assertThat(repo().retryDead(List.of(), later)).isEqualTo(1);
        Notification back = repo().pending(10).get(0);
        assertThat(back.attempts()).isZero();
        assertThat(back.pendingSince()).isEqualTo(later);
        assertThat(back.createdAt()).isEqualTo(T0);
        assertThat(repo().dead(10)).isEmpty();
    }

    @Test
    void retrySelectedIdsOnly() throws SQLException {
        enqueue("mail", "a", T0);
        enqueue("mail", "b", T0);
        for (Notification n : repo().pending(10)) repo().markDead(n.id(), T0, "down");
        long first = repo().dead(10).get(0).id();
        assertThat(repo().retryDead(List.of(first), T0)).isEqualTo(1);
        assertThat(repo().pending(10)).extracting(Notification::id).containsExactly(first);
    }

    @Test
    void statsCountPendingAndOldest() throws SQLException {
        assertThat(repo().stats()).isEqualTo(new OutboxRepository.Stats(0, java.util.Optional.empty()));
        enqueue("mail", "a", T0.plusSeconds(5));
        enqueue("mail", "b", T0);
        assertThat(repo().stats()).isEqualTo(new OutboxRepository.Stats(2, java.util.Optional.of(T0)));
    }
}

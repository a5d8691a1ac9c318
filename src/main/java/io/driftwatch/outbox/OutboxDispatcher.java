package io.driftwatch.outbox;

import io.driftwatch.channel.Channel;
import io.driftwatch.channel.DeliveryException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows. Per channel, rows go out in the order they were written (a resolve never
 * overtakes its trigger): the first row of a channel that is not yet due, or fails, holds back the rest
 * of that channel until the next poll. A failed attempt is retried after {@link Backoff}; a row still
 * failing {@code deadAfter} after it became pending is dead-lettered and reported to the
 * {@link DeliveryListener}. At-least-once: a crash between sending and recording the success re-sends
 * the same dedup key after the claim lease.
 *
 * <p>{@link #pollOnce()} is the whole algorithm and is what tests drive; {@link #start(Duration)} only calls it
 * in a loop on a virtual thread, waking early when {@link #wakeUp()} says new rows were committed.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    public static final Duration DEFAULT_DEAD_AFTER = Duration.ofHours(24);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** How long a claimed row is reserved for the attempt in flight. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    static final int BATCH = 500;

    private final OutboxRepository repository;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration deadAfter;
    private final DeliveryListener listener;
    private final OutboxMetrics metrics;
    private final Semaphore wake = new Semaphore(0);
    private volatile Map<String, Channel> channels;
    private volatile boolean running;
    private Thread thread;

    public OutboxDispatcher(
            OutboxRepository repository,
            Map<String, Channel> channels,
            Clock clock,
            Backoff backoff,
            Duration deadAfter,
            DeliveryListener listener,
            OutboxMetrics metrics) {
        this.repository = repository;
        this.channels = Map.copyOf(channels);
        this.clock = clock;
        this.backoff = backoff;
        this.deadAfter = deadAfter;
        this.listener = listener;
        this.metrics = metrics;
    }

    /** Swaps the channels after an alerting config reload; rows for a removed channel wait and then die. */
    public void setChannels(Map<String, Channel> channels) {
        this.channels = Map.copyOf(channels);
    }

    /** Attempts every due row once. Returns how many were delivered. */
    public int pollOnce() throws SQLException {
        Instant now = clock.instant();
        List<Notification> rows = repository.pending(BATCH);
        Set<String> heldBack = new HashSet<>();
        int delivered = 0;
        for (Notification row : rows) {
            if (heldBack.contains(row.channel())) continue;
            if (row.nextAttemptAt().isAfter(now) || !repository.claim(row, now, LEASE)) {
                heldBack.add(row.channel());
                continue;
            }
            if (attempt(row)) delivered++;
            else heldBack.add(row.channel());
        }
        metrics.update(repository.stats(), clock.instant());
        return delivered;
    }

    private boolean attempt(Notification row) throws SQLException {
        Channel channel = channels.get(row.channel());
        String error;
        Duration retryAfter = Duration.ZERO;
        try {
            if (channel == null) throw new DeliveryException("channel '" + row.channel() + "' is not configured");
            channel.send(row.message());
            repository.markDelivered(row.id(), clock.instant());
            metrics.count(row.channel(), "delivered");
            listener.onDelivered(row);
            return true;
        } catch (DeliveryException e) {
            error = e.getMessage();
            retryAfter = e.retryAfter().orElse(Duration.ZERO);
        } catch (RuntimeException e) {
            // A channel bug must not stop the dispatcher; the row is retried like any failure.
            error = "channel '" + row.channel() + "': unexpected "
                    + e.getClass().getSimpleName();
            log.error("channel {} failed unexpectedly on notification {}", row.channel(), row.id(), e);
        }
        Instant now = clock.instant();
        if (Duration.between(row.pendingSince(), now).compareTo(deadAfter) >= 0) {
            repository.markDead(row.id(), now, error);
            metrics.count(row.channel(), "dead");
            log.warn(
                    "notification {} ({}) dead-lettered after {} attempts: {}",
                    row.id(),
                    row.dedupKey(),
                    row.attempts() + 1,
                    error);
            listener.onDeadLetter(row, error);
        } else {
            Duration wait = backoff.delay(row.attempts() + 1);
            if (retryAfter.compareTo(wait) > 0) wait = retryAfter;
            repository.markRetry(row.id(), now.plus(wait), error);
            metrics.count(row.channel(), "failed");
            log.warn(
                    "notification {} ({}) attempt {} failed, retry in {}: {}",
                    row.id(),
                    row.dedupKey(),
                    row.attempts() + 1,
                    wait,
                    error);
        }
        return false;
    }

    /** Asks the loop to poll now (called after the engine commits new rows). */
    public void wakeUp() {
        wake.release();
    }

    /** Starts the polling loop on a virtual thread. */
    public synchronized void start(Duration pollInterval) {
        if (running) return;
        running = true;
        thread = Thread.ofVirtual().name("outbox-dispatcher").start(() -> loop(pollInterval));
    }

    private void loop(Duration pollInterval) {
        while (running) {
            try {
                pollOnce();
            } catch (SQLException | RuntimeException e) {
                log.error("outbox poll failed; retrying in {}", pollInterval, e);
            }
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

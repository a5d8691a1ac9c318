package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BodyDeadlinesTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void expiresDueWatchesInDeadlineOrderAndNeverOneThatIsDone() throws Exception {
        var deadlines = new BodyDeadlines();
        List<String> expired = new CopyOnWriteArrayList<>();
        var last = new CountDownLatch(1);
        long now = System.nanoTime();

        BodyDeadlines.Watch done = deadlines.watch(now + 100 * MS, () -> expired.add("done"));
        deadlines.watch(now + 150 * MS, () -> expired.add("first"));
        deadlines.watch(now + 300 * MS, () -> {
            expired.add("second");
            last.countDown();
        });
        deadlines.done(done);

        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(expired).containsExactly("first", "second");
        assertThat(System.nanoTime() - now).isGreaterThanOrEqualTo(300 * MS);
    }

    @Test
    void aWatchDueBeforeTheWatcherWakesIsNotLeftWaitingBehindALaterOne() throws Exception {
        var deadlines = new BodyDeadlines();
        var soon = new CountDownLatch(1);
        long now = System.nanoTime();
        deadlines.watch(now + TimeUnit.HOURS.toNanos(1), () -> {});
        deadlines.watch(now + 20 * MS, soon::countDown);

        assertThat(soon.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWatchAfterAnIdleSpellWakesTheWatcher() throws Exception {
        var deadlines = new BodyDeadlines();
        var first = new CountDownLatch(1);
        deadlines.watch(System.nanoTime() + 10 * MS, first::countDown);
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // the watcher has nothing left to watch and sleeps until the next watch

        var second = new CountDownLatch(1);
        deadlines.watch(System.nanoTime() + 20 * MS, second::countDown);
        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingCallbackDoesNotStopTheWatcher() throws Exception {
        var deadlines = new BodyDeadlines();
        var after = new CountDownLatch(1);
        long now = System.nanoTime();
        deadlines.watch(now + 10 * MS, () -> {
            throw new IllegalStateException("boom");
        });
        deadlines.watch(now + 60 * MS, after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }
}

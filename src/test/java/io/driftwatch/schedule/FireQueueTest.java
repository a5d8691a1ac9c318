package io.driftwatch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FireQueueTest {

    private final FireQueue queue = new FireQueue();

    @Test
    void theHeadIsAlwaysTheEarliestThroughAddsRemovesAndMovedHeads() {
        Random random = new Random(42);
        List<FireQueue.Entry> queued = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int action = random.nextInt(3);
            if (action == 0 || queued.isEmpty()) {
                FireQueue.Entry entry = entry("p" + step, random.nextInt(1_000));
                queue.add(entry);
                queued.add(entry);
            } else if (action == 1) {
                FireQueue.Entry entry = queued.remove(random.nextInt(queued.size()));
                queue.remove(entry);
                queue.remove(entry); // a second remove changes nothing
            } else {
                FireQueue.Entry head = queue.peek();
                head.nextFire += 1 + random.nextInt(500);
                queue.headMovedLater();
            }
            assertThat(queue.size()).isEqualTo(queued.size());
            long earliest = queued.stream().mapToLong(e -> e.nextFire).min().orElse(Long.MAX_VALUE);
            assertThat(queue.peek() == null ? Long.MAX_VALUE : queue.peek().nextFire)
                    .isEqualTo(earliest);
        }

        // Draining gives every remaining entry in fire order.
        queued.sort(Comparator.comparingLong(e -> e.nextFire));
        List<Long> drained = new ArrayList<>();
        while (queue.peek() != null) {
            FireQueue.Entry head = queue.peek();
            drained.add(head.nextFire);
            queue.remove(head);
        }
        assertThat(drained).isEqualTo(queued.stream().map(e -> e.nextFire).toList());
    }

    @Test
    void anEntryCannotBeQueuedTwice() {
        FireQueue.Entry entry = entry("p", 5);
        queue.add(entry);

        assertThatThrownBy(() -> queue.add(entry))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("probe p is queued already");
        queue.remove(entry);
        queue.add(entry); // once removed it may come back
        assertThat(queue.peek()).isSameAs(entry);
    }

    private static FireQueue.Entry entry(String id, long nextFire) {
        FireQueue.Entry entry = new FireQueue.Entry(id);
        entry.intervalMillis = 1_000;
        entry.nextFire = nextFire;
        return entry;
    }
}

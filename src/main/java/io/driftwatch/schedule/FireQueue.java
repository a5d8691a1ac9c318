package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import java.util.Arrays;

/**
 * The {@link IntervalTimer}'s probes ordered by next fire time: a binary min-heap in which every entry
 * knows its own slot, so removing a probe or moving the head to its next fire time is O(log n) and
 * allocates nothing. Not thread-safe: the timer guards it with its lock.
 */
final class FireQueue {

    /** One probe on the timer. Mutable and reused for every fire of the probe, and across replaces. */
    static final class Entry {
        final String probeId;
        /** The current definition, handed to each run. */
        ProbeDefinition probe;

        long intervalMillis;
        /** Epoch milliseconds of the next fire: the probe's phase + k * interval. */
        long nextFire;
        /** Slot in the heap; -1 while not queued. */
        private int slot = -1;

        Entry(String probeId) {
            this.probeId = probeId;
        }
    }

    private Entry[] heap = new Entry[64];
    private int size;

    /** The entry that fires first, or null if there is none. */
    Entry peek() {
        return size == 0 ? null : heap[0];
    }

    int size() {
        return size;
    }

    void add(Entry entry) {
        if (entry.slot >= 0) {
            throw new IllegalStateException("probe " + entry.probeId + " is queued already");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        place(entry, size++);
        siftUp(entry.slot);
    }

    /** Takes the entry out; nothing happens if it is not queued. */
    void remove(Entry entry) {
        int slot = entry.slot;
        if (slot < 0) {
            return;
        }
        entry.slot = -1;
        Entry last = heap[--size];
        heap[size] = null;
        if (slot != size) {
            place(last, slot);
            siftDown(slot);
            siftUp(last.slot);
        }
    }

    /** Restores the order after the head's {@link Entry#nextFire} was moved later. */
    void headMovedLater() {
        siftDown(0);
    }

    private void siftUp(int slot) {
        Entry entry = heap[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (heap[parent].nextFire <= entry.nextFire) {
                break;
            }
            place(heap[parent], slot);
            slot = parent;
        }
        place(entry, slot);
    }

    private void siftDown(int slot) {
        Entry entry = heap[slot];
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && heap[right].nextFire < heap[child].nextFire) {
                child = right;
            }
            if (entry.nextFire <= heap[child].nextFire) {
                break;
            }
            place(heap[child], slot);
            slot = child;
        }
        place(entry, slot);
    }

    private void place(Entry entry, int slot) {
        heap[slot] = entry;
        entry.slot = slot;
    }
}

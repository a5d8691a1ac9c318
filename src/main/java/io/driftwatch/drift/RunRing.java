package io.driftwatch.drift;

import java.time.Instant;

/**
 * A latency window's runs, oldest first: when each ran (epoch nanoseconds) and how long it took, in two
 * parallel ring arrays that grow by doubling and never shrink. A window lives for as long as its probe,
 * so an object per run would survive young collections and pile up as old-generation garbage; here a run
 * costs two array slots. Not thread-safe (the window's lock guards it).
 */
final class RunRing {
    private long[] at = new long[8];
    private long[] nanos = new long[8];
    private int head;
    private int size;

    /** Nanoseconds since the epoch; exact for instants between the years 1678 and 2262. */
    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    void addLast(long atEpochNanos, long latencyNanos) {
        if (size == at.length) grow();
        int i = (head + size) % at.length;
        at[i] = atEpochNanos;
        nanos[i] = latencyNanos;
        size++;
    }

    /** When the oldest run ran; only when {@link #size()} is positive. */
    long firstAt() {
        if (size == 0) throw new IllegalStateException("empty");
        return at[head];
    }

    void removeFirst() {
        if (size == 0) throw new IllegalStateException("empty");
        head = (head + 1) % at.length;
        size--;
    }

    /** The latencies, oldest first, in a new array. */
    long[] latencies() {
        long[] out = new long[size];
        for (int k = 0; k < size; k++) out[k] = nanos[(head + k) % nanos.length];
        return out;
    }

    private void grow() {
        int n = at.length * 2;
        long[] at2 = new long[n];
        long[] nanos2 = new long[n];
        for (int k = 0; k < size; k++) {
            at2[k] = at[(head + k) % at.length];
            nanos2[k] = nanos[(head + k) % nanos.length];
        }
        at = at2;
        nanos = nanos2;
        head = 0;
    }
}

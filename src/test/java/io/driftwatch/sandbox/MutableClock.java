package io.driftwatch.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so expiry and rate windows are proven without waiting. */
public final class MutableClock extends Clock {
    public static final Instant START = Instant.parse("2026-07-20T17:00:00Z");

    private volatile Instant now;

    public MutableClock() {
        this(START);
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Moves the clock to {@code t} unless it is already there or later (time never goes back). */
    public synchronized void advanceTo(Instant t) {
        if (t.isAfter(now)) now = t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

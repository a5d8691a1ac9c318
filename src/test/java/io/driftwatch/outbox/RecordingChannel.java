package io.driftwatch.outbox;

import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.DeliveryException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that records what it accepted and can be switched to fail, like a receiver that is down. */
public final class RecordingChannel implements Channel {
    private final String name;
    private final List<AlertMessage> received = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

    public RecordingChannel(String name) {
        this.name = name;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public List<AlertMessage> received() {
        return List.copyOf(received);
    }

    public int attempts() {
        return attempts.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "recording";
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        attempts.incrementAndGet();
        if (down) throw new DeliveryException("channel '" + name + "': HTTP 503");
        received.add(message);
    }
}

package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Notifications posted to {@code /__admin/inbox}: where {@code driftwatch demo} points its webhook
 * channels, so alerts are visible with no mail server. Keeps the newest {@link #CAPACITY}; thread-safe.
 */
public final class SandboxInbox {
    static final int CAPACITY = 200;

    /**
     * One received notification.
     *
     * @param channel the {@code X-Driftwatch-Channel} header, or null
     * @param signed whether it carried an {@code X-Driftwatch-Signature}
     * @param body the posted JSON (a webhook body: event, severity, title, probe...)
     */
    public record Message(long seq, Instant receivedAt, String channel, boolean signed, JsonNode body) {}

    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private long seq;

    synchronized Message add(Instant at, String channel, boolean signed, JsonNode body) {
        var m = new Message(++seq, at, channel, signed, body);
        messages.addLast(m);
        while (messages.size() > CAPACITY) messages.pollFirst();
        return m;
    }

    /** Newest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages.reversed());
    }

    /** Everything received since start, including messages no longer kept. */
    public synchronized long received() {
        return seq;
    }

    synchronized void clear() {
        messages.clear();
    }
}

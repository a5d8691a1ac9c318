package io.driftwatch.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A notification was not accepted. The message is stored in the outbox and shown by
 * {@code alerts outbox}, so it must never contain a secret or a secret-bearing URL (Slack, Teams and
 * PagerDuty URLs or keys): say which channel and what status, not where.
 */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public DeliveryException(String message) {
        this(message, null, null);
    }

    public DeliveryException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The receiver's own wait hint (HTTP {@code Retry-After}), when it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

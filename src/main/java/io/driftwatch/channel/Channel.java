package io.driftwatch.channel;

/**
 * Sends one notification somewhere. Implementations only send: thresholds, dedup and retries belong to
 * the alert engine and the outbox dispatcher. One class per {@code type:} in {@code alerting/}, created
 * by its {@link ChannelType} and listed in {@link ChannelRegistry}.
 */
public interface Channel {

    /** The channel's name in {@code alerting/} (e.g. {@code oncall-email}); a metric label. */
    String name();

    /** The {@code type:} key ({@code email}, {@code webhook}, ...). */
    String type();

    /**
     * Delivers the message or throws. Returning normally means the receiver accepted it. Called from
     * the dispatcher's virtual thread, one message at a time per channel.
     *
     * @throws DeliveryException when the receiver did not accept it; the dispatcher retries later
     */
    void send(AlertMessage message) throws DeliveryException;
}

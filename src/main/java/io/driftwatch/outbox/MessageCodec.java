package io.driftwatch.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.driftwatch.channel.AlertMessage;

/** AlertMessage to and from the JSON stored in the outbox and the alert state. */
public final class MessageCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MessageCodec() {}

    public static String write(AlertMessage message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise alert message", e);
        }
    }

    public static AlertMessage read(String json) {
        try {
            return JSON.readValue(json, AlertMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert message is not readable", e);
        }
    }
}

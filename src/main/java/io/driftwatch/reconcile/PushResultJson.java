package io.driftwatch.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * PushResult as JSON, for the HTTP 200 body and the store: amounts as plain decimals ({@code 0.02},
 * never {@code 2E-2}), instants as ISO-8601, read back exactly.
 */
public final class PushResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private PushResultJson() {}

    public static String write(PushResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a push result", e);
        }
    }

    public static PushResult read(String json) {
        try {
            return MAPPER.readValue(json, PushResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored push result is not readable: " + e.getOriginalMessage(), e);
        }
    }
}

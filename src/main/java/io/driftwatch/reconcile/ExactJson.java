package io.driftwatch.reconcile;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;

/**
 * The one JSON configuration money code uses. Floats are read as {@link java.math.BigDecimal} straight
 * from the JSON text (never through {@code double}) and keep their scale ({@code 150.00} stays
 * {@code 150.00}, not {@code 1.5E+2}), so sums and messages show what the payload said.
 *
 * <p>Trees parsed elsewhere with a default mapper hold {@code DoubleNode}s; amounts read from those go
 * through the shortest decimal form of the double, which is exact for up to 15 significant digits but
 * not beyond. Parse money payloads with {@link #parse(byte[])} (or {@link #mapper()}) instead.
 */
public final class ExactJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * JSONPath configured once: results always come back as a list (a missing path is an empty list,
     * never an exception) and matched values are the tree's own nodes, not copies.
     */
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new ListResultJsonNodeProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    private ExactJson() {}

    /** Thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static Configuration jsonPath() {
        return JSON_PATH;
    }

    /** Parses one JSON document exactly; rejects duplicate keys and trailing content. */
    public static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }
}

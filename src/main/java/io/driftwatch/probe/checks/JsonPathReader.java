package io.driftwatch.probe.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates JSONPath against Jackson trees. Compiled paths are cached (probe files reuse a small set of
 * expressions), and results are always a list of matched nodes: empty when nothing matched.
 */
public final class JsonPathReader {
    private static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();
    private static final Map<String, JsonPath> CACHE = new ConcurrentHashMap<>();

    private JsonPathReader() {}

    /** All nodes {@code path} matches in {@code document}; empty when none (never null). */
    public static List<JsonNode> select(JsonNode document, String path) {
        JsonPath compiled = CACHE.computeIfAbsent(path, p -> JsonPath.compile(p));
        Object result = compiled.read(document, CONFIG);
        List<JsonNode> out = new ArrayList<>();
        if (result instanceof ArrayNode array) {
            array.forEach(out::add);
        } else if (result instanceof JsonNode node && !node.isMissingNode()) {
            out.add(node);
        }
        return out;
    }
}

package io.driftwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts a {@link YamlNode} tree to Jackson's JSON tree: for JSON Schema validation, for request bodies
 * written as YAML, and for {@code equals:} assertion values. Numbers stay exact (BigDecimal, no double).
 */
final class YamlJson {

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private YamlJson() {}

    static JsonNode toJson(YamlNode node) {
        return switch (node) {
            case YamlNode.Scalar s -> scalar(s);
            case YamlNode.Sequence s -> {
                ArrayNode array = FACTORY.arrayNode(s.items().size());
                for (YamlNode item : s.items()) array.add(toJson(item));
                yield array;
            }
            case YamlNode.Mapping m -> {
                ObjectNode object = FACTORY.objectNode();
                for (YamlNode.Entry e : m.entries().values()) object.set(e.key(), toJson(e.value()));
                yield object;
            }
        };
    }

    private static JsonNode scalar(YamlNode.Scalar s) {
        String text = s.text();
        return switch (s.kind()) {
            case NULL -> FACTORY.nullNode();
            case BOOL -> FACTORY.booleanNode(s.truthy());
            case INT -> {
                try {
                    BigInteger n = new BigInteger(text.replace("_", ""));
                    if (n.bitLength() < 32) yield FACTORY.numberNode(n.intValue());
                    yield n.bitLength() < 64 ? FACTORY.numberNode(n.longValue()) : FACTORY.numberNode(n);
                } catch (NumberFormatException e) {
                    yield FACTORY.textNode(text); // 0x1F, 1:30 and other YAML 1.1 oddities stay text
                }
            }
            case FLOAT -> {
                BigDecimal d = Values.parseDecimal(text);
                yield d == null ? FACTORY.textNode(text) : DecimalNode.valueOf(d); // exact: 150.00 stays 150.00
            }
            case STRING -> FACTORY.textNode(text);
        };
    }
}

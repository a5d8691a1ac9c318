package io.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.DriftFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferrerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaInferrer inferrer = new SchemaInferrer(InferenceOptions.DEFAULT);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String text(JsonNode schema) {
        return new String(BaselineCodec.toBytes(schema), StandardCharsets.UTF_8);
    }

    @Test
    void infersTypesRequiredNullableItemsAndFormats_inAStableLayout() throws Exception {
        JsonNode first = json("{\"b\": 1, \"a\": \"2024-01-02\", \"c\": [{\"x\": 1}, {\"x\": 2.5, \"y\": null}],"
                + " \"d\": null, \"e\": \"ap@example.com\", \"g\": \"12.50\", \"h\": \"A\"}");
        JsonNode second = json("{\"a\": \"2024-02-03\", \"b\": 2.5, \"c\": [], \"d\": null, \"e\": \"ar@example.org\","
                + " \"f\": true, \"g\": \"7.00\", \"h\": null}");
        assertThat(text(inferrer.infer(List.of(first, second)))).isEqualTo("""
                        {
                          "$schema": "https://json-schema.org/draft/2020-12/schema",
                          "type": "object",
                          "properties": {
                            "a": {
                              "type": "string",
                              "format": "date"
                            },
                            "b": {
                              "type": "number"
                            },
                            "c": {
                              "type": "array",
                              "items": {
                                "type": "object",
                                "properties": {
                                  "x": {
                                    "type": "number"
                                  },
                                  "y": {}
                                },
                                "required": [
                                  "x"
                                ]
                              }
                            },
                            "d": {},
                            "e": {
                              "type": "string",
                              "format": "email"
                            },
                            "f": {
                              "type": "boolean"
                            },
                            "g": {
                              "type": "string",
                              "format": "decimal"
                            },
                            "h": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          },
                          "required": [
                            "a",
                            "b",
                            "c",
                            "d",
                            "e",
                            "g",
                            "h"
                          ]
                        }
                        """);
    }

    @Test
    void keyOrderDoesNotMatter() {
        JsonNode read = DriftFixtures.load("qbo-invoice-read.json");
        JsonNode reversed = reverse(read);
        assertThat(text(reversed)).isNotEqualTo(text(read));
        assertThat(text(inferrer.infer(List.of(reversed)))).isEqualTo(text(inferrer.infer(List.of(read))));
    }

    @Test
    void quickBooksInvoice() {
        JsonNode schema = inferrer.infer(List.of(
                DriftFixtures.load("qbo-invoice-read.json"), DriftFixtures.load("qbo-invoice-read-edited.json")));
        JsonNode invoice = schema.at("/properties/Invoice");
        assertThat(required(invoice)).doesNotContain("CustomerMemo").contains("DocNumber", "TotalAmt", "Line");
        assertThat(invoice.at("/properties/CustomerMemo/type").asText()).isEqualTo("object");
        assertThat(invoice.at("/properties/TotalAmt/type").asText()).isEqualTo("number"); // 362.07 and 362
        assertThat(invoice.at("/properties/TxnDate/format").asText()).isEqualTo("date");
        assertThat(invoice.at("/properties/MetaData/properties/CreateTime/format")
                        .asText())
                .isEqualTo("date-time");
        assertThat(invoice.at("/properties/BillEmail/properties/Address/format").asText())
                .isEqualTo("email");
        assertThat(invoice.at("/properties/BillAddr/properties/Lat/format").asText())
                .isEqualTo("decimal");
        assertThat(invoice.at("/properties/SyncToken").toString()).isEqualTo("{\"type\":\"string\"}");
        // Line items merged across sales and subtotal lines: only what every line has is required.
        assertThat(required(invoice.at("/properties/Line/items"))).containsExactly("Amount", "DetailType");
        assertThat(invoice.at("/properties/Line/items/properties/SubTotalLineDetail")
                        .toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    @Test
    void salesforceQueryNullsAndDatetimes() {
        JsonNode records = inferrer.infer(List.of(DriftFixtures.load("sf-opportunity-query.json")))
                .at("/properties/records/items");
        assertThat(records.at("/properties/Amount/type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(records.at("/properties/Account/type").toString()).isEqualTo("[\"object\",\"null\"]");
        assertThat(required(records.at("/properties/Account"))).containsExactly("Name", "attributes");
        // Salesforce's "+0000" offset is not RFC 3339: no format rather than a wrong one.
        assertThat(records.at("/properties/LastModifiedDate").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(records.at("/properties/CloseDate/format").asText()).isEqualTo("date");
    }

    @Test
    void enumsOnlyWhenEnabledStableAndSmall() throws Exception {
        JsonNode a = json("{\"status\": \"NotSet\", \"flip\": \"A\", \"n\": \"X\", \"many\": [\"1\",\"2\",\"3\"]}");
        JsonNode b = json("{\"status\": \"NotSet\", \"flip\": \"B\", \"n\": null, \"many\": [\"1\",\"2\",\"3\"]}");
        assertThat(inferrer.infer(List.of(a, b)).at("/properties/status/enum").isMissingNode())
                .isTrue();

        SchemaInferrer enums = new SchemaInferrer(new InferenceOptions(true, 2));
        JsonNode schema = enums.infer(List.of(a, b));
        assertThat(schema.at("/properties/status/enum").toString()).isEqualTo("[\"NotSet\"]");
        assertThat(schema.at("/properties/flip/enum").isMissingNode()).isTrue(); // differs between samples
        assertThat(schema.at("/properties/many/items/enum").isMissingNode()).isTrue(); // 3 values > 2
        assertThat(enums.infer(List.of(a)).at("/properties/status/enum").isMissingNode())
                .isTrue(); // one sample
        JsonNode nullable = enums.infer(List.of(a, json("{\"status\": \"NotSet\", \"flip\": \"A\", \"n\": \"X\"}"), a));
        assertThat(nullable.at("/properties/n/enum").toString()).isEqualTo("[\"X\"]");
        JsonNode withNull = enums.infer(List.of(json("{\"n\": [\"X\", null]}"), json("{\"n\": [\"X\", null]}")));
        assertThat(withNull.at("/properties/n/items").toString())
                .isEqualTo("{\"type\":[\"string\",\"null\"],\"enum\":[\"X\",null]}");
    }

    @Test
    void credentialsNeverBecomeEnumValues() throws Exception {
        JsonNode doc =
                json("{\"api_key\": \"k1\", \"ref\": \"a8Kx92LmQz7Pw3Rt5Yv1Nb6Hc4Jd0Fs\", \"kind\": \"Invoice\"}");
        JsonNode schema = new SchemaInferrer(new InferenceOptions(true, 8)).infer(List.of(doc, doc));
        assertThat(schema.at("/properties/kind/enum").toString()).isEqualTo("[\"Invoice\"]");
        assertThat(schema.toString()).doesNotContain("k1").doesNotContain("a8Kx92LmQz7Pw3Rt5Yv1Nb6Hc4Jd0Fs");
    }

    @Test
    void smartyArrayRootAndEmptyArrays() throws Exception {
        JsonNode schema = inferrer.infer(List.of(DriftFixtures.load("smarty-candidates.json")));
        assertThat(schema.get("type").asText()).isEqualTo("array");
        assertThat(required(schema.get("items")))
                .contains("delivery_line_1", "analysis")
                .doesNotContain("addressee");
        assertThat(schema.at("/items/properties/metadata/properties/latitude/type")
                        .asText())
                .isEqualTo("number");
        assertThat(inferrer.infer(List.of(json("[]"))).toString())
                .isEqualTo("{\"$schema\":\"" + SchemaInferrer.DIALECT + "\",\"type\":\"array\"}");
    }

    private static List<String> required(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    static JsonNode reverse(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(n -> out.set(n, reverse(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(e -> out.add(reverse(e)));
            return out;
        }
        return node;
    }
}

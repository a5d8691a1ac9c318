package io.driftwatch.drift;

import static io.driftwatch.drift.DriftFixtures.compiled;
import static io.driftwatch.drift.DriftFixtures.load;
import static io.driftwatch.drift.DriftFixtures.object;
import static io.driftwatch.drift.DriftFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.Sample;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each drift kind injected into a QuickBooks invoice read gives exactly one change of that kind, with
 * the exact message (the taxonomy as users see it); nothing else is drift.
 */
class DriftDetectorTest {
    private static final DriftSettings QBO = DriftSettings.DEFAULT; // absent optional is not breaking

    private final DriftDetector detector = new DriftDetector();

    /** Recorded from two reads: the second edited, CustomerMemo omitted, keys reversed. */
    private final CompiledBaseline invoice =
            compiled("qbo-invoice-read", load("qbo-invoice-read.json"), load("qbo-invoice-read-edited.json"));

    private static ObjectNode read() {
        return object("qbo-invoice-read.json");
    }

    private static ObjectNode inv(ObjectNode doc) {
        return (ObjectNode) doc.get("Invoice");
    }

    private DriftReport detect(JsonNode observed, DriftSettings settings) {
        return detector.detect(invoice, sample(observed), settings);
    }

    private static DriftChange only(DriftReport report) {
        assertThat(report.changes()).hasSize(1);
        return report.changes().get(0);
    }

    @Test
    void recordedSamplesHaveNoDrift() {
        assertThat(detect(read(), QBO).changes()).isEmpty();
        assertThat(detect(load("qbo-invoice-read-edited.json"), QBO).changes()).isEmpty();
    }

    @Test
    void reorderedKeysLongerArraysAndIntegersAreNotDrift() {
        ObjectNode doc = reversed(read());
        ArrayNode lines = (ArrayNode) inv(doc).get("Line");
        for (int i = 0; i < 4; i++) lines.insert(0, lines.get(0).deepCopy());
        ((ObjectNode) lines.get(0)).put("Amount", 300); // integer where samples had decimals
        inv(doc).put("TotalAmt", 400);
        inv(doc).put("Balance", 12.5);
        ((ArrayNode) inv(doc).get("LinkedTxn")).removeAll();
        assertThat(detect(doc, QBO).changes()).isEmpty();
    }

    @Test
    void decimalsWhereTheBaselineOnlySawIntegersAreNotDrift() {
        ObjectNode integers = read();
        inv(integers).put("TotalAmt", 362);
        inv(integers).put("Balance", 0);
        CompiledBaseline fromIntegers = compiled("qbo-invoice-read", integers);
        ObjectNode decimals = read();
        inv(decimals).put("TotalAmt", 362.07);
        inv(decimals).put("Balance", 362.07);
        assertThat(detector.detect(fromIntegers, sample(decimals), QBO).changes())
                .isEmpty();
    }

    @Test
    void optionalFieldsQuickBooksOmitsAreNotDrift() {
        ObjectNode doc = read();
        inv(doc).remove("CustomerMemo"); // optional: the edited sample had none
        assertThat(detect(doc, QBO).changes()).isEmpty();
    }

    @Test
    void fieldRemoved_onlyWhenAbsentOptionalIsBreaking() {
        ObjectNode doc = read();
        inv(doc).remove("CustomerMemo");
        DriftChange c = only(detect(doc, new DriftSettings(-1, true, Map.of(), Set.of())));
        assertThat(c.kind()).isEqualTo(DriftKind.FIELD_REMOVED);
        assertThat(c.severity()).isEqualTo(Severity.BREAKING);
        assertThat(c.message())
                .isEqualTo(
                        "field-removed at $.Invoice.CustomerMemo: absent in 1 of 1 objects (baseline: optional object)");
    }

    @Test
    void requiredFieldMissing_isAWarningWhenAbsenceIsTolerated() {
        ObjectNode doc = read();
        inv(doc).remove("DocNumber");
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.REQUIRED_FIELD_MISSING);
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(c.path()).isEqualTo("$.Invoice.DocNumber");
        assertThat(c.example()).isNull();
        assertThat(c.message())
                .isEqualTo(
                        "required-field-missing at $.Invoice.DocNumber: missing in 1 of 1 objects (baseline: required string)");
        assertThat(only(detect(doc, new DriftSettings(-1, true, Map.of(), Set.of())))
                        .severity())
                .isEqualTo(Severity.BREAKING);
    }

    @Test
    void typeChanged() {
        ObjectNode doc = read();
        inv(doc).put("TotalAmt", "362.07");
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.TYPE_CHANGED);
        assertThat(c.severity()).isEqualTo(Severity.BREAKING);
        assertThat(c.example()).isEqualTo("\"362.07\"");
        assertThat(c.message())
                .isEqualTo("type-changed at $.Invoice.TotalAmt: baseline number, observed string in 1 of 1 values");
    }

    @Test
    void becameNullable() {
        ObjectNode doc = read();
        inv(doc).putNull("DueDate");
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.BECAME_NULLABLE);
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(c.message())
                .isEqualTo("became-nullable at $.Invoice.DueDate: baseline string, observed null in 1 of 1 values");
    }

    @Test
    void objectBecameArray() {
        ObjectNode doc = read();
        JsonNode currency = inv(doc).get("CurrencyRef");
        inv(doc).putArray("CurrencyRef").add(currency);
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.OBJECT_BECAME_ARRAY);
        assertThat(c.example()).isEqualTo("[...]");
        assertThat(c.message())
                .isEqualTo(
                        "object-became-array at $.Invoice.CurrencyRef: baseline object, observed array in 1 of 1 values");
    }

    @Test
    void arrayBecameObject() {
        ObjectNode doc = read();
        JsonNode first = inv(doc).get("LinkedTxn").get(0);
        inv(doc).set("LinkedTxn", first);
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.ARRAY_BECAME_OBJECT);
        assertThat(c.message())
                .isEqualTo(
                        "array-became-object at $.Invoice.LinkedTxn: baseline array, observed object in 1 of 1 values");
    }

    @Test
    void enumValueAdded_whenEnumsWereInferred() {
        CompiledBaseline withEnums = compiled(DriftFixtures.baseline(
                "qbo-invoice-read",
                new InferenceOptions(true, 8),
                load("qbo-invoice-read.json"),
                load("qbo-invoice-read-edited.json")));
        ObjectNode doc = read();
        inv(doc).put("PrintStatus", "PrintComplete");
        DriftChange c = only(detector.detect(withEnums, sample(doc), QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.ENUM_VALUE_ADDED);
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(c.example()).isEqualTo("\"PrintComplete\"");
        assertThat(c.message())
                .isEqualTo(
                        "enum-value-added at $.Invoice.PrintStatus: baseline [NeedToPrint], observed new value \"PrintComplete\"");
    }

    @Test
    void formatChanged() {
        ObjectNode doc = read();
        inv(doc).put("TxnDate", "2014-09-19T00:00:00-07:00");
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.FORMAT_CHANGED);
        assertThat(c.example()).isEqualTo("\"2014-09-19T00:00:00-07:00\"");
        assertThat(c.message())
                .isEqualTo("format-changed at $.Invoice.TxnDate: baseline date, observed date-time in 1 of 1 values");
    }

    @Test
    void fieldAdded() {
        ObjectNode doc = read();
        inv(doc).put("HomeTotalAmt", 362.07);
        DriftChange c = only(detect(doc, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.FIELD_ADDED);
        assertThat(c.severity()).isEqualTo(Severity.INFO);
        assertThat(c.example()).isEqualTo("362.07");
        assertThat(c.message()).isEqualTo("field-added at $.Invoice.HomeTotalAmt: number in 1 of 1 objects");
    }

    @Test
    void statusChanged_skipsTheBodyOfTheErrorResponse() {
        ObjectNode fault = DriftFixtures.JSON.createObjectNode();
        fault.putObject("Fault").put("type", "SystemFault");
        Sample s = new Sample(503, "application/json", Map.of(), 1_000_000, fault);
        DriftChange c = only(detector.detect(invoice, s, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.STATUS_CHANGED);
        assertThat(c.severity()).isEqualTo(Severity.BREAKING);
        assertThat(c.message()).isEqualTo("status-changed: baseline 200, observed 503");
    }

    @Test
    void contentTypeChanged() {
        Sample s = new Sample(200, "text/html; charset=utf-8", Map.of(), 1_000_000, null);
        DriftChange c = only(detector.detect(invoice, s, QBO));
        assertThat(c.kind()).isEqualTo(DriftKind.CONTENT_TYPE_CHANGED);
        assertThat(c.message()).isEqualTo("content-type-changed: baseline application/json, observed text/html");
    }

    @Test
    void contentTypeParametersAreNotDrift() {
        Sample s = new Sample(200, "Application/JSON", Map.of(), 1_000_000, read());
        assertThat(detector.detect(invoice, s, QBO).changes()).isEmpty();
    }

    @Test
    void severityOverridesAndIgnoredPaths() {
        ObjectNode doc = read();
        inv(doc).put("HomeTotalAmt", 362.07);
        inv(doc).put("TotalAmt", "362.07");
        DriftSettings settings = new DriftSettings(
                -1, false, Map.of(DriftKind.FIELD_ADDED, Severity.WARNING), Set.of("$.Invoice.TotalAmt"));
        DriftChange c = only(detect(doc, settings));
        assertThat(c.kind()).isEqualTo(DriftKind.FIELD_ADDED);
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(new DriftSettings(-1, false, Map.of(), Set.of("$.Invoice.Total")).ignores("$.Invoice.TotalAmt"))
                .isFalse();
        assertThat(new DriftSettings(-1, false, Map.of(), Set.of("$.Invoice")).ignores("$.Invoice.Line[*].Amount"))
                .isTrue();
    }

    @Test
    void changesAreSortedWorstFirst() {
        ObjectNode doc = read();
        inv(doc).put("HomeTotalAmt", 1);
        inv(doc).putNull("DueDate");
        inv(doc).put("TotalAmt", "1");
        assertThat(DriftFixtures.kinds(detect(doc, QBO)))
                .containsExactly(DriftKind.TYPE_CHANGED, DriftKind.BECAME_NULLABLE, DriftKind.FIELD_ADDED);
        assertThat(detect(doc, QBO).worst()).isEqualTo(Severity.BREAKING);
    }

    @Test
    void validatingOnlyWhenNeededGivesTheSameReports() {
        DriftDetector lazy = new DriftDetector(DriftDetector.Validation.WHEN_NEEDED);
        ObjectNode drifted = read();
        inv(drifted).put("TotalAmt", "1").putNull("DueDate").remove("DocNumber");
        for (JsonNode doc : java.util.List.of(read(), drifted)) {
            assertThat(lazy.detect(invoice, sample(doc), QBO)).isEqualTo(detect(doc, QBO));
        }
    }

    @Test
    void aRecordedBaselineEditedToUseOtherKeywordsIsAlwaysValidated() {
        ObjectNode schema = invoice.baseline().schema().deepCopy();
        ObjectNode docNumber = (ObjectNode)
                schema.get("properties").get("Invoice").get("properties").get("DocNumber");
        docNumber.put("maxLength", 3);
        CompiledBaseline edited = compiled(invoice.baseline().withSchema(null, schema));
        DriftDetector lazy = new DriftDetector(DriftDetector.Validation.WHEN_NEEDED);
        DriftReport report = lazy.detect(edited, sample(read()), QBO);
        assertThat(DriftFixtures.kinds(report)).containsExactly(DriftKind.SCHEMA_VIOLATION);
        assertThat(report).isEqualTo(detector.detect(edited, sample(read()), QBO));
        // Unedited, the validator is skipped on a conforming response and nothing is found either way.
        assertThat(lazy.detect(invoice, sample(read()), QBO).changes()).isEmpty();
    }

    /** Reverses key order at every level. */
    static ObjectNode reversed(ObjectNode node) {
        ObjectNode out = DriftFixtures.JSON.createObjectNode();
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        for (String name : names) out.set(name, reversedAny(node.get(name)));
        return out;
    }

    private static JsonNode reversedAny(JsonNode node) {
        if (node.isObject()) return reversed((ObjectNode) node);
        if (node.isArray()) {
            ArrayNode out = DriftFixtures.JSON.createArrayNode();
            node.forEach(e -> out.add(reversedAny(e)));
            return out;
        }
        return node;
    }
}

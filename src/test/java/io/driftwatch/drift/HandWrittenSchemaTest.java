package io.driftwatch.drift;

import static io.driftwatch.drift.DriftFixtures.object;
import static io.driftwatch.drift.DriftFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.SchemaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe may name a hand-written or vendor schema instead of a learned one. */
class HandWrittenSchemaTest {
    private static final Path SCHEMA = Path.of("src/test/resources/drift/schemas/qbo-invoice.schema.json");

    private final DriftDetector detector = new DriftDetector();

    private static CompiledBaseline fromFile() throws BaselineFormatException {
        JsonNode schema = new SchemaFiles().load(SCHEMA);
        Baseline b = new Baseline(
                "qbo-invoice-read", "", Instant.EPOCH, 0, 0, null, new TreeMap<>(), null, SCHEMA.toString(), schema);
        return CompiledBaseline.compile(b, SCHEMA.toString());
    }

    private List<String> messages(JsonNode doc) throws BaselineFormatException {
        return detector.detect(fromFile(), sample(doc), DriftSettings.DEFAULT).changes().stream()
                .map(DriftChange::message)
                .toList();
    }

    @Test
    void theRealResponseConforms() throws Exception {
        assertThat(messages(object("qbo-invoice-read.json"))).isEmpty();
    }

    @Test
    void refsNullableAlternativesAndEnumsAreFollowedByTheDiff() throws Exception {
        ObjectNode doc = object("qbo-invoice-read.json");
        ObjectNode inv = (ObjectNode) doc.get("Invoice");
        inv.putNull("SalesTermRef"); // anyOf [Ref, null]: allowed
        ((ObjectNode) inv.get("CustomerRef")).put("value", 24); // through $ref
        inv.put("PrintStatus", "Printed");
        assertThat(messages(doc))
                .containsExactly(
                        "type-changed at $.Invoice.CustomerRef.value: baseline string, observed number in 1 of 1 values",
                        "enum-value-added at $.Invoice.PrintStatus: baseline [NeedToPrint, NotSet, PrintComplete], observed new value \"Printed\"");
    }

    @Test
    void whatTheDiffDoesNotModelIsASchemaViolation() throws Exception {
        ObjectNode doc = object("qbo-invoice-read.json");
        ObjectNode inv = (ObjectNode) doc.get("Invoice");
        inv.put("DocNumber", "INV-2026-000000000000001");
        inv.put("Balance", -5);
        DriftReport report = detector.detect(fromFile(), sample(doc), DriftSettings.DEFAULT);
        assertThat(report.changes()).extracting(DriftChange::kind).containsOnly(DriftKind.SCHEMA_VIOLATION);
        assertThat(report.changes().stream().map(DriftChange::message))
                .containsExactly(
                        "schema-violation at $.Invoice.Balance: must have a minimum value of 0 (minimum, 1 value)",
                        "schema-violation at $.Invoice.DocNumber: must be at most 21 characters long (maxLength, 1 value)");
        // A hand-written schema is always validated, even when the shape diff finds nothing.
        DriftDetector lazy = new DriftDetector(DriftDetector.Validation.WHEN_NEEDED);
        assertThat(lazy.detect(fromFile(), sample(doc), DriftSettings.DEFAULT)).isEqualTo(report);
    }

    @Test
    void anInvalidSchemaFileIsReportedWithItsPlace(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.schema.json");
        Files.writeString(broken, "{\n  \"type\": \"object\",\n  \"properties\": {\n");
        assertThatThrownBy(() -> new SchemaFiles().load(broken))
                .isInstanceOf(BaselineFormatException.class)
                .hasMessageStartingWith(broken + ":4:1: invalid schema file: Unexpected end-of-input");
        assertThatThrownBy(() -> new SchemaFiles().load(dir.resolve("missing.json")))
                .hasMessage(dir.resolve("missing.json") + ":1:1: schema file not found");
    }

    @Test
    void yamlSchemaFilesAreAccepted(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("smarty.schema.yaml");
        Files.writeString(yaml, "type: array\nitems:\n  type: object\n  required: [delivery_line_1]\n");
        SchemaFiles files = new SchemaFiles();
        JsonNode schema = files.load(yaml);
        assertThat(schema.get("items").get("required").get(0).asText()).isEqualTo("delivery_line_1");
        assertThat(files.load(yaml)).isSameAs(schema); // cached until the file changes
    }
}

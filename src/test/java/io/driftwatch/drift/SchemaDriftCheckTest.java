package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.SchemaExpectation;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDriftCheckTest {
    @TempDir
    Path dir;

    private static final SchemaExpectation QBO = new SchemaExpectation(true, null, 2, false);

    private List<Finding> run(SchemaDriftCheck check, ProbeDefinition probe, JsonNode body, Instant at) {
        Exchange exchange = Probes.exchange(200, "application/json", body.toString(), 20_000_000);
        return check.evaluate(new CheckContext(probe, exchange, Optional.of(body), Clock.fixed(at, ZoneOffset.UTC)));
    }

    private BaselineStore storeWithInvoiceBaseline() throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        store.write(DriftFixtures.baseline(
                "qbo-invoice-read",
                InferenceOptions.DEFAULT,
                DriftFixtures.load("qbo-invoice-read.json"),
                DriftFixtures.load("qbo-invoice-read-edited.json")));
        return store;
    }

    @Test
    void findingsCarryPathFirstSeenRunsAndBaselineFile() throws Exception {
        BaselineStore store = storeWithInvoiceBaseline();
        SchemaDriftCheck check = new SchemaDriftCheck(store);
        ProbeDefinition probe = Probes.probe("qbo-invoice-read", QBO, dir.resolve("probes/qbo.yaml"));
        ObjectNode drifted = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) drifted.get("Invoice")).put("TotalAmt", "362.07");
        Instant t1 = Instant.parse("2026-03-02T10:00:00Z");
        Instant t2 = Instant.parse("2026-03-02T10:01:00Z");

        run(check, probe, drifted, t1);
        List<Finding> second = run(check, probe, drifted, t2);

        assertThat(second).hasSize(1);
        Finding f = second.get(0);
        assertThat(f.check()).isEqualTo("schema-drift");
        assertThat(f.kind()).isEqualTo(FindingKind.SCHEMA_DRIFT);
        assertThat(f.level()).isEqualTo(Level.FAIL);
        assertThat(f.message())
                .isEqualTo("type-changed at $.Invoice.TotalAmt: baseline number, observed string in 1 of 1 values");
        assertThat(f.evidence())
                .containsExactly(
                        entry("drift", "type-changed"),
                        entry("severity", "breaking"),
                        entry("path", "$.Invoice.TotalAmt"),
                        entry("baseline", "number"),
                        entry("observed", "string"),
                        entry("example", "\"362.07\""),
                        entry("count", "1"),
                        entry("total", "1"),
                        entry("firstSeen", "2026-03-02T10:00:00Z"),
                        entry("runs", "2"),
                        entry("baselineFile", store.file("qbo-invoice-read").toString()));
        assertThat(check.tracker().counts())
                .containsExactly(new DriftCount("qbo-invoice-read", "type-changed", "breaking", 1));
        assertThat(check.baselineRecordedAt()).containsEntry("qbo-invoice-read", DriftFixtures.CLOCK.instant());

        assertThat(run(check, probe, DriftFixtures.load("qbo-invoice-read.json"), t2))
                .isEmpty(); // resolved
        assertThat(check.tracker().counts())
                .containsExactly(new DriftCount("qbo-invoice-read", "type-changed", "breaking", 0));
        List<Finding> again = run(check, probe, drifted, t2.plusSeconds(60));
        assertThat(again.get(0).evidence())
                .containsEntry("runs", "1")
                .containsEntry("firstSeen", "2026-03-02T10:02:00Z");
    }

    @Test
    void anAcceptedBaselineIsPickedUpOnTheNextRun() throws Exception {
        BaselineStore store = storeWithInvoiceBaseline();
        SchemaDriftCheck check = new SchemaDriftCheck(store);
        ProbeDefinition probe = Probes.probe("qbo-invoice-read", QBO, dir.resolve("probes/qbo.yaml"));
        ObjectNode changed = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) changed.get("Invoice")).put("HomeTotalAmt", 362.07);
        assertThat(run(check, probe, changed, Instant.EPOCH)).hasSize(1);
        store.write(DriftFixtures.baseline("qbo-invoice-read", InferenceOptions.DEFAULT, changed));
        assertThat(run(check, probe, changed, Instant.EPOCH)).isEmpty();
    }

    @Test
    void missingOrBrokenBaselinesAndFailedRuns() throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        SchemaDriftCheck check = new SchemaDriftCheck(store);
        ProbeDefinition probe = Probes.probe("qbo-invoice-read", QBO, dir.resolve("probes/qbo.yaml"));
        JsonNode body = DriftFixtures.load("qbo-invoice-read.json");

        Finding none = run(check, probe, body, Instant.EPOCH).get(0);
        assertThat(none.level()).isEqualTo(Level.INFO);
        assertThat(none.message())
                .isEqualTo("no baseline: " + store.file("qbo-invoice-read")
                        + " does not exist (record one with: driftwatch baseline record qbo-invoice-read)");

        Files.createDirectories(store.directory());
        Files.writeString(store.file("qbo-invoice-read"), "{\n  \"probe\": 12\n}\n");
        Finding broken = run(check, probe, body, Instant.EPOCH).get(0);
        assertThat(broken.level()).isEqualTo(Level.WARN);
        assertThat(broken.kind()).isEqualTo(FindingKind.CONFIG);
        assertThat(broken.message())
                .isEqualTo("baseline unusable: " + store.file("qbo-invoice-read")
                        + ":1:1: missing key 'driftwatchVersion'");

        CheckContext refused = new CheckContext(probe, Probes.refused(), Optional.empty(), Clock.systemUTC());
        assertThat(check.evaluate(refused)).isEmpty();
        ProbeDefinition noSchema = Probes.probe("qbo-invoice-read", null, dir.resolve("probes/qbo.yaml"));
        assertThat(run(check, noSchema, body, Instant.EPOCH)).isEmpty();
    }

    @Test
    void aSchemaFileNamedByTheProbeIsResolvedBesideTheProbeFile() throws Exception {
        Path probes = Files.createDirectories(dir.resolve("probes/schemas"));
        Files.copy(
                Path.of("src/test/resources/drift/schemas/qbo-invoice.schema.json"),
                probes.resolve("qbo-invoice.schema.json"));
        ProbeDefinition probe = Probes.probe(
                "qbo-invoice-read",
                new SchemaExpectation(false, "schemas/qbo-invoice.schema.json", -1, false),
                dir.resolve("probes/qbo.yaml"));
        SchemaDriftCheck check = new SchemaDriftCheck(
                new BaselineStore(dir.resolve("baselines")),
                new SchemaFiles(),
                new DriftTracker(),
                SchemaDriftCheck::settingsOf);
        ObjectNode body = DriftFixtures.object("qbo-invoice-read.json");
        assertThat(run(check, probe, body, Instant.EPOCH)).isEmpty();
        ((ObjectNode) body.get("Invoice")).remove("Balance");
        Finding f = run(check, probe, body, Instant.EPOCH).get(0);
        assertThat(f.message())
                .isEqualTo(
                        "required-field-missing at $.Invoice.Balance: missing in 1 of 1 objects (baseline: required number)");
        assertThat(f.evidence())
                .containsEntry(
                        "baselineFile",
                        probes.resolve("qbo-invoice.schema.json").toString());
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}

package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.SchemaFiles;
import io.driftwatch.config.ConfigLoader;
import io.driftwatch.config.LoadedConfig;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.probe.checks.LatencyDriftCheck;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each per-probe drift key, written in a probe file and loaded by the real loader, changes what the
 * checks report: the same response is judged with and without the key.
 */
class DriftKeysTest {
    private static final long MS = 1_000_000;
    private static final String ID = "qbo-invoice-read";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    /** The probe {@code ID} with {@code expect:} followed by {@code expectYaml} (indented two spaces). */
    private ProbeDefinition probe(String expectYaml) throws Exception {
        Path probes = Files.createDirectories(dir.resolve("probes-" + System.nanoTime()));
        Files.writeString(
                probes.resolve("probe.yaml"),
                "id: " + ID + "\nrequest:\n  path: https://quickbooks.test/v3/company/1/invoice/130\nexpect:\n"
                        + expectYaml);
        LoadedConfig loaded = new ConfigLoader().load(probes, Map.of());
        assertThat(loaded.problems()).isEmpty();
        return loaded.probe(ID).orElseThrow();
    }

    private BaselineStore store(InferenceOptions inference) throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        store.write(DriftFixtures.baseline(
                ID,
                inference,
                DriftFixtures.load("qbo-invoice-read.json"),
                DriftFixtures.load("qbo-invoice-read-edited.json")));
        return store;
    }

    private static List<Finding> schemaRun(BaselineStore store, ProbeDefinition probe, JsonNode body) {
        SchemaDriftCheck check =
                new SchemaDriftCheck(store, new SchemaFiles(), new DriftTracker(), SchemaDriftCheck::settingsOf);
        var exchange = Probes.exchange(200, "application/json", body.toString(), 20 * MS);
        return check.evaluate(new CheckContext(probe, exchange, Optional.of(body), Clock.fixed(T0, ZoneOffset.UTC)));
    }

    private static ObjectNode invoice(ObjectNode doc) {
        return (ObjectNode) doc.get("Invoice");
    }

    @Test
    void severitiesOverrideTheKindsDefault() throws Exception {
        BaselineStore store = store(InferenceOptions.DEFAULT);
        ObjectNode doc = DriftFixtures.object("qbo-invoice-read.json");
        invoice(doc).put("TotalAmt", "362.07").put("HomeTotalAmt", 1);

        List<Finding> plain = schemaRun(store, probe("  schema: { baseline: true }\n"), doc);
        assertThat(plain).extracting(Finding::level).containsExactly(Level.FAIL, Level.INFO);

        List<Finding> tuned = schemaRun(
                store, probe("  schema: { severities: { type-changed: warning, field-added: breaking } }\n"), doc);
        assertThat(tuned)
                .extracting(f -> f.evidence().get("drift") + " " + f.evidence().get("severity") + " " + f.level())
                .containsExactly("field-added breaking FAIL", "type-changed warning WARN");
    }

    @Test
    void ignoredPathsAndEverythingBelowThemAreNeverReported() throws Exception {
        BaselineStore store = store(InferenceOptions.DEFAULT);
        ObjectNode doc = DriftFixtures.object("qbo-invoice-read.json");
        invoice(doc).put("TotalAmt", "362.07");
        ((ObjectNode) invoice(doc).get("CustomerRef")).put("value", 21);

        assertThat(schemaRun(store, probe("  schema: { baseline: true }\n"), doc))
                .extracting(f -> f.evidence().get("path"))
                .containsExactly("$.Invoice.CustomerRef.value", "$.Invoice.TotalAmt");
        assertThat(schemaRun(store, probe("  schema: { ignore: [$.Invoice.CustomerRef] }\n"), doc))
                .extracting(f -> f.evidence().get("path"))
                .containsExactly("$.Invoice.TotalAmt");
        assertThat(schemaRun(store, probe("  schema: { ignore: [$.Invoice] }\n"), doc))
                .isEmpty();
    }

    @Test
    void enumsSwitchEnumChecksOnAndOff() throws Exception {
        BaselineStore store = store(new InferenceOptions(true, 8)); // the baseline holds PrintStatus: [NeedToPrint]
        ObjectNode doc = DriftFixtures.object("qbo-invoice-read.json");
        invoice(doc).put("PrintStatus", "PrintComplete");

        assertThat(schemaRun(store, probe("  schema: { enums: true }\n"), doc))
                .extracting(Finding::message)
                .containsExactly("enum-value-added at $.Invoice.PrintStatus: baseline [NeedToPrint], observed new value"
                        + " \"PrintComplete\"");
        // enums: false (the default) ignores the recorded enum, and the validator's enum error with it.
        assertThat(schemaRun(store, probe("  schema: { enums: false }\n"), doc)).isEmpty();
        assertThat(schemaRun(store, probe("  schema: { baseline: true }\n"), doc))
                .isEmpty();
    }

    private static List<Finding> latencyRun(
            LatencyDriftCheck check, ProbeDefinition probe, Instant at, long totalNanos) {
        var exchange = Probes.exchange(200, "application/json", "{}", totalNanos);
        return check.evaluate(new CheckContext(probe, exchange, Optional.empty(), Clock.fixed(at, ZoneOffset.UTC)));
    }

    @Test
    void aWindowOfRunsWithItsRatioAndSeverity() throws Exception {
        BaselineStore store = store(InferenceOptions.DEFAULT); // baseline p95: 12 ms
        ProbeDefinition probe =
                probe("  latency: { drift: { window: 3, ratio: 3, severity: breaking } }\n  schema: {}\n");
        LatencyDriftCheck check = new LatencyDriftCheck(store, LatencyDriftCheck::settingsOf);
        // 30 ms is 2.5x: drift by the default ratio (1.5) but not by this probe's 3.
        for (int i = 0; i < 5; i++)
            assertThat(latencyRun(check, probe, T0.plusSeconds(i), 30 * MS)).isEmpty();
        assertThat(latencyRun(check, probe, T0.plusSeconds(10), 40 * MS)).isEmpty(); // one run over: a spike
        List<Finding> drift = latencyRun(check, probe, T0.plusSeconds(11), 40 * MS); // two of three over
        assertThat(drift).hasSize(1);
        Finding f = drift.get(0);
        assertThat(f.level()).isEqualTo(Level.FAIL);
        assertThat(f.message())
                .isEqualTo("latency-drift: p95 of the last 3 runs is 40.000 ms, 3.33x the baseline p95 of 12.000 ms"
                        + " (threshold 3.0x)");
        assertThat(f.evidence())
                .containsEntry("severity", "breaking")
                .containsEntry("window", "3")
                .containsEntry("firstSeen", "2026-03-02T10:00:11Z")
                .containsEntry("runs", "1")
                .containsEntry("baselineFile", store.file(ID).toString());
        assertThat(latencyRun(check, probe, T0.plusSeconds(12), 40 * MS).get(0).evidence())
                .containsEntry("firstSeen", "2026-03-02T10:00:11Z")
                .containsEntry("runs", "2");

        LatencyDriftCheck defaults = new LatencyDriftCheck(store, LatencyDriftCheck::settingsOf);
        ProbeDefinition plain = probe("  schema: {}\n");
        for (int i = 0; i < 19; i++)
            assertThat(latencyRun(defaults, plain, T0.plusSeconds(i), 30 * MS)).isEmpty();
        assertThat(latencyRun(defaults, plain, T0.plusSeconds(19), 30 * MS))
                .extracting(Finding::level)
                .containsExactly(Level.WARN);
    }

    @Test
    void aTimeWindowJudgesTheRunsOfTheLastStretchOnlyOnceItHasBeenObservedThatLong() throws Exception {
        BaselineStore store = store(InferenceOptions.DEFAULT); // baseline p95: 12 ms
        ProbeDefinition probe = probe("  latency: { drift: { window: 15m } }\n  schema: {}\n");
        LatencyDriftCheck check = new LatencyDriftCheck(store, LatencyDriftCheck::settingsOf);
        Duration minute = Duration.ofMinutes(1);

        // Slow from the start, one run a minute: no judgement until 15 minutes have been observed.
        for (int i = 0; i < 15; i++)
            assertThat(latencyRun(check, probe, T0.plus(minute.multipliedBy(i)), 30 * MS))
                    .isEmpty();
        List<Finding> drift = latencyRun(check, probe, T0.plus(minute.multipliedBy(15)), 30 * MS);
        assertThat(drift).hasSize(1);
        assertThat(drift.get(0).message())
                .isEqualTo("latency-drift: p95 of the 16 runs of the last 15m is 30.000 ms, 2.50x the baseline p95 of"
                        + " 12.000 ms (threshold 1.5x)");
        assertThat(drift.get(0).evidence())
                .containsEntry("windowPeriod", "PT15M")
                .containsEntry("window", "16");

        // Fast again: the slow runs age out of the window by time, not by count.
        Instant t = T0.plus(minute.multipliedBy(15));
        for (int i = 1; i <= 14; i++) {
            assertThat(latencyRun(check, probe, t.plus(minute.multipliedBy(i)), 10 * MS))
                    .hasSize(1); // still two or more slow runs within the last 15 minutes
        }
        assertThat(latencyRun(check, probe, t.plus(minute.multipliedBy(15)), 10 * MS))
                .isEmpty(); // only the run at exactly t-15m is left slow: one run over is never drift
    }

    @Test
    void aSingleSpikeInATimeWindowIsNotDrift() throws Exception {
        BaselineStore store = store(InferenceOptions.DEFAULT);
        ProbeDefinition probe = probe("  latency: { drift: { window: 15m, ratio: 1.5 } }\n  schema: {}\n");
        LatencyDriftCheck check = new LatencyDriftCheck(store, LatencyDriftCheck::settingsOf);
        for (int i = 0; i <= 40; i++) {
            long nanos = i == 20 ? 5_000 * MS : 10 * MS;
            assertThat(latencyRun(check, probe, T0.plus(Duration.ofMinutes(i)), nanos))
                    .isEmpty();
        }
    }
}

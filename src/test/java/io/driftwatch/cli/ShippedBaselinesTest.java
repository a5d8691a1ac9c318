package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineCodec;
import io.driftwatch.baseline.BaselineRecorder;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.Sample;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.checks.LatencyDriftCheck;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.testing.LoopbackSettings;
import io.driftwatch.vendor.FileTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in the shipped baselines/ loads, belongs to a shipped probe with {@code expect.schema}, and
 * matches what the sandbox answers today: no drift on its defaults, the expected drift kinds under its
 * drift scenarios, and recording again from it gives the same file byte for byte (time, version and
 * sample count taken from the file; shipped baselines carry no latency).
 */
class ShippedBaselinesTest {
    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Engine engine;

    static Path shippedBaselines() {
        return ShippedConfigTest.repo().resolve("baselines");
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build());
        var settings = LoopbackSettings.of(
                ShippedConfigTest.repo().resolve("probes"),
                shippedBaselines(),
                dir.resolve("alerting"),
                dir.resolve("data"),
                sandbox.environment());
        engine = Extensions.engine(
                settings,
                Clock.systemUTC(),
                new DriftwatchMetrics(),
                AuditLog.NONE,
                new FileTokenStore(dir.resolve("tokens")));
        assertThat(engine.reload().problems()).isEmpty();
    }

    @AfterEach
    void stop() {
        engine.close();
        sandbox.close();
    }

    private List<ProbeDefinition> schemaProbes() {
        return engine.active().probes().values().stream()
                .filter(p -> p.expect().schema() != null && p.expect().schema().baseline())
                .sorted(java.util.Comparator.comparing(ProbeDefinition::id))
                .toList();
    }

    private List<String> baselineIds() throws Exception {
        try (Stream<Path> files = Files.list(shippedBaselines())) {
            return files.map(f -> f.getFileName().toString())
                    .sorted()
                    .map(name -> {
                        assertThat(name).as("only <probe-id>.json files").endsWith(".json");
                        return name.substring(0, name.length() - ".json".length());
                    })
                    .toList();
        }
    }

    private static List<Finding> drift(ProbeResult r) {
        return r.findings().stream()
                .filter(f ->
                        f.check().equals(SchemaDriftCheck.NAME) || f.check().equals(LatencyDriftCheck.NAME))
                .toList();
    }

    @Test
    void everyShippedBaselineIsValidAndBelongsToAShippedProbeWithASchemaExpectation() throws Exception {
        List<ConfigProblem> problems = ExtraValidation.baselines(shippedBaselines());
        assertThat(problems).isEmpty();
        assertThat(baselineIds())
                .containsExactlyElementsOf(
                        schemaProbes().stream().map(ProbeDefinition::id).toList())
                .contains("qbo-invoice-read", "sf-closed-won-opportunities", "smarty-known-address");
        BaselineStore store = new BaselineStore(shippedBaselines());
        for (String id : baselineIds()) {
            Baseline b = store.read(id).orElseThrow();
            assertThat(b.latency())
                    .as("%s: sandbox latency says nothing about the vendor", id)
                    .isNull();
            assertThat(b.schema()).as(id).isNotNull();
        }
    }

    @Test
    void shippedProbesShowNoDriftOnSandboxDefaultsAndReRecordingIsByteIdentical() throws Exception {
        BaselineStore store = new BaselineStore(shippedBaselines());
        for (ProbeDefinition probe : schemaProbes()) {
            ProbeResult r = engine.runner().run(probe, engine.clock().instant());
            assertThat(drift(r)).as(probe.id()).isEmpty();
            assertThat(r.outcome()).as("%s: %s", probe.id(), r.findings()).isEqualTo(Outcome.PASS);

            Path file = store.file(probe.id());
            Baseline shipped = store.read(probe.id()).orElseThrow();
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < shipped.sampleCount(); i++) samples.add(BaselineWiring.sample(engine, probe));
            BaselineRecorder recorder = new BaselineRecorder(
                            Clock.fixed(shipped.recordedAt(), ZoneOffset.UTC),
                            d -> {},
                            shipped.driftwatchVersion(),
                            InferenceOptions.DEFAULT,
                            List.of("content-type"))
                    .withEnums(BaselineReview.enumsOf(probe));
            Baseline again = recorder.build(probe.id(), samples).withoutLatency();
            assertThat(new String(BaselineCodec.write(again), java.nio.charset.StandardCharsets.UTF_8))
                    .as("re-recording %s against the sandbox", file)
                    .isEqualTo(Files.readString(file));
        }
    }

    /** "kind path severity" of each drift finding of one run of the probe. */
    private List<String> driftOf(String probeId) {
        ProbeDefinition probe = engine.active().probes().get(probeId);
        ProbeResult r = engine.runner().run(probe, engine.clock().instant());
        List<String> out = new ArrayList<>();
        for (Finding f : drift(r)) {
            assertThat(f.evidence()).containsKeys("firstSeen", "runs", "baselineFile");
            assertThat(f.evidence().get("baselineFile"))
                    .isEqualTo(shippedBaselines().resolve(probeId + ".json").toString());
            out.add(f.evidence().get("drift") + " " + f.evidence().get("path") + " "
                    + f.evidence().get("severity"));
        }
        return out;
    }

    @Test
    void theSandboxsDriftScenariosGiveTheExpectedKinds() {
        sandbox.setScenario(Scenario.of("field-retyped"));
        assertThat(driftOf("qbo-invoice-read")).containsExactly("type-changed $.Invoice.TotalAmt breaking");
        assertThat(driftOf("qbo-invoice-query-recent"))
                .containsExactly("type-changed $.QueryResponse.Invoice[*].TotalAmt breaking");
        assertThat(driftOf("sf-closed-won-opportunities")).containsExactly("type-changed $.records[*].Amount breaking");
        assertThat(driftOf("smarty-known-address")).containsExactly("type-changed $[*].metadata.latitude breaking");

        sandbox.resetScenarios();
        sandbox.setScenario(Scenario.of("object-to-array"));
        assertThat(driftOf("qbo-invoice-read")).containsExactly("object-became-array $.Invoice.CustomerRef breaking");
        assertThat(driftOf("sf-closed-won-opportunities"))
                .containsExactly("object-became-array $.records[*].attributes breaking");
        assertThat(driftOf("smarty-known-address")).containsExactly("object-became-array $[*].components breaking");

        // One required field missing is within maxMissingRequired (2) or tolerated absence: a warning.
        sandbox.resetScenarios();
        sandbox.setScenario(Scenario.of("field-removed"));
        assertThat(driftOf("qbo-invoice-read")).containsExactly("required-field-missing $.Invoice.DocNumber warning");
        assertThat(driftOf("sf-closed-won-opportunities"))
                .containsExactly("required-field-missing $.records[*].Amount warning");
        assertThat(driftOf("smarty-known-address"))
                .containsExactly("required-field-missing $[*].delivery_line_1 warning");

        sandbox.resetScenarios();
        for (String id : List.of("qbo-invoice-read", "sf-closed-won-opportunities", "smarty-known-address"))
            assertThat(driftOf(id)).as(id).isEmpty();
    }
}

package io.driftwatch.config;

import static io.driftwatch.config.Fixtures.expected;
import static io.driftwatch.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drift keys of a probe: {@code expect.schema} severities, ignore, enums and {@code
 * expect.latency.drift}. Bad values are reported file:line:col with the exact text (API), as in {@link
 * ConfigLoaderInvalidTest}.
 */
class DriftConfigTest {

    @Test
    void everyDriftKeyIsRead() {
        LoadedConfig loaded = new ConfigLoader().load(Fixtures.ROOT.resolve("drift"), Map.of());
        assertThat(loaded.problems()).isEmpty();
        ProbeDefinition p = loaded.probe("drift-keys").orElseThrow();
        SchemaExpectation schema = p.expect().schema();
        assertThat(schema)
                .isEqualTo(new SchemaExpectation(
                        true,
                        null,
                        2,
                        false,
                        Map.of("type-changed", "warning", "field-added", "info", "became-nullable", "breaking"),
                        List.of("$.Invoice.MetaData", "$.Invoice.Line[*].Description", "$['odd key']"),
                        true));
        assertThat(schema.severities().keySet()).containsExactly("type-changed", "field-added", "became-nullable");
        assertThat(p.expect().latency())
                .isEqualTo(new LatencyExpectation(
                        Duration.ofSeconds(2),
                        null,
                        new LatencyDriftExpectation(null, Duration.ofMinutes(15), 2.5, "breaking")));
        assertThat(loaded.probe("drift-runs").orElseThrow().expect().latency())
                .isEqualTo(new LatencyExpectation(null, null, new LatencyDriftExpectation(10, null, null, null)));
    }

    @Test
    void badSchemaDriftKeys() {
        assertThat(problems("drift-schema-keys", Map.of()))
                .containsExactlyElementsOf(expected(
                        "drift-schema-keys",
                        "probe.yaml:6:19: unknown drift kind 'type-change' in expect.schema.severities (expected one"
                                + " of: field-removed, required-field-missing, type-changed, became-nullable,"
                                + " object-became-array, array-became-object, enum-value-added, format-changed,"
                                + " field-added, status-changed, content-type-changed, schema-violation)",
                        "probe.yaml:6:54: expect.schema.severities.field-added: expected one of breaking, warning,"
                                + " info, got 'fatal'",
                        "probe.yaml:7:34: expect.schema.ignore[1]: expected a drift path like $.Invoice.MetaData or"
                                + " $.QueryResponse.Invoice[*].Line, got 'Invoice.CustomField'",
                        "probe.yaml:7:55: expect.schema.ignore[2]: expected a drift path like $.Invoice.MetaData or"
                                + " $.QueryResponse.Invoice[*].Line, got '$.Line[0]'",
                        "probe.yaml:8:12: expect.schema.enums: expected true or false, got 'sometimes'"));
    }

    @Test
    void badLatencyDriftKeys() {
        assertThat(problems("latency-drift-keys", Map.of()))
                .containsExactlyElementsOf(expected(
                        "latency-drift-keys",
                        "probe.yaml:7:22: expect.latency.drift.window: expected a whole number >= 2, got '1'",
                        "probe.yaml:7:32: expect.latency.drift.ratio: expected a number greater than 1, got '0.9'",
                        "probe.yaml:7:47: expect.latency.drift.severity: expected one of breaking, warning, info, got"
                                + " 'critical'",
                        "probe.yaml:7:57: unknown key 'runs' in expect.latency.drift (expected one of: window, ratio,"
                                + " severity)",
                        "probe.yaml:14:22: expect.latency.drift.window: expected a number of runs (2 or more) or a"
                                + " duration like 15m, got 'soon'"));
    }

    @Test
    void theDriftKindsAreTheTaxonomysLabels() {
        assertThat(SchemaExpectation.DRIFT_KINDS)
                .containsExactlyElementsOf(java.util.Arrays.stream(io.driftwatch.drift.DriftKind.values())
                        .map(io.driftwatch.drift.DriftKind::label)
                        .toList());
    }
}

package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Expectations;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.probe.checks.TotalsCheck;
import io.driftwatch.support.Fixtures;
import io.driftwatch.vendor.VendorRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runner parses each body once, exactly: checks see BigDecimal amounts with their scale, and a
 * body with duplicate keys (ambiguous money) is invalid JSON, not silently the last value.
 */
class ProbeRunnerExactJsonTest {
    static ProbeResult run(String body) {
        var rule = new TotalsRule(null, null, null, "$.lines[*]", null, null, "$.total", null, null);
        var probe = Fixtures.probe("exact", new Expectations(null, null, List.of(), null, null, null, List.of(rule)));
        var runner = new ProbeRunner(
                id -> new ConnectionDefinition(
                        id, "generic", URI.create("http://127.0.0.1"), Map.of(), null, 10, Map.of(), null),
                (p, c, r) -> Fixtures.response(200, "application/json", body, 5),
                VendorRegistry.standard(),
                List.of(
                        new BuiltInChecks(),
                        p -> List.of(new TotalsCheck(3, p.expect().totals().get(0)))),
                Clock.systemUTC());
        return runner.run(probe, Instant.now());
    }

    @Test
    void amountsBeyondDoublePrecisionStayExact() {
        // As doubles both sides collapse to 1.2345678901234568E16 and the 0.03 gap disappears.
        ProbeResult r = run("{\"lines\":[12345678901234567.89, 0.01],\"total\":12345678901234567.93}");
        assertThat(r.findings())
                .filteredOn(f -> f.kind().equals(FindingKind.TOTALS))
                .extracting(f -> f.evidence().get("delta"))
                .containsExactly("0.03");
    }

    @Test
    void duplicateKeysAreInvalidJson() {
        ProbeResult r = run("{\"lines\":[1.00],\"total\":1.00,\"total\":2.00}");
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(FindingKind.INVALID_JSON);
    }
}

package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Expectations;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Outcome;
import io.driftwatch.support.Fixtures;
import io.driftwatch.vendor.VendorRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A JSON response that no check reads is only syntax-checked, not parsed into a tree: it must still be
 * classified exactly as a full parse would (invalid, duplicate keys, trailing content).
 */
class ProbeRunnerSyntaxOnlyTest {
    static ProbeResult run(String body) {
        var probe = Fixtures.probe("plain", new Expectations(null, null, List.of(), null, null, null, List.of()));
        var runner = new ProbeRunner(
                id -> new ConnectionDefinition(
                        id, "generic", URI.create("http://127.0.0.1"), Map.of(), null, 10, Map.of(), null),
                (p, c, r) -> Fixtures.response(200, "application/json", body, 5),
                VendorRegistry.standard(),
                List.of(new BuiltInChecks()),
                Clock.systemUTC());
        return runner.run(probe, Instant.now());
    }

    @Test
    void wellFormedJsonPasses() {
        assertThat(run("{\"a\":[1,2.50,{\"b\":null}],\"c\":\"x\"}").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void htmlUnderAJsonContentTypeIsInvalidJsonWithItsPosition() {
        ProbeResult r = run("{\"a\":1,\n <html>");
        assertThat(r.findings()).extracting(Finding::kind).containsExactly(FindingKind.INVALID_JSON);
        assertThat(r.findings().get(0).message()).contains("line 2");
    }

    @Test
    void duplicateKeysAndTrailingContentAreInvalidJson() {
        assertThat(run("{\"a\":1,\"a\":2}").findings())
                .extracting(Finding::kind)
                .containsExactly(FindingKind.INVALID_JSON);
        assertThat(run("{\"a\":1} {\"a\":2}").findings())
                .extracting(Finding::kind)
                .containsExactly(FindingKind.INVALID_JSON);
        assertThat(run("[1,2").findings()).extracting(Finding::kind).containsExactly(FindingKind.INVALID_JSON);
    }
}

package io.driftwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.support.Fixtures;
import io.driftwatch.vendor.VendorRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A path that cannot form a URL is a config finding that names the problem but never echoes the URL. */
class ProbeRunnerUrlTest {
    @Test
    void badUrlFindingDoesNotEchoTheSecretInIt() {
        ProbeDefinition base = Fixtures.probe("bad-url", Fixtures.expect(null, null, List.of()));
        ProbeDefinition probe = new ProbeDefinition(
                base.id(),
                base.description(),
                base.connection(),
                base.schedule(),
                new RequestSpec(
                        "GET",
                        "/v1/x y?token=s3cr3t-tok",
                        Map.of(),
                        Map.of(),
                        null,
                        Duration.ofSeconds(1),
                        RetrySpec.NONE,
                        1024,
                        false),
                base.expect(),
                base.alert(),
                Map.of(),
                null,
                base.source());
        var runner = new ProbeRunner(
                id -> new ConnectionDefinition(
                        id, "generic", URI.create("http://127.0.0.1"), Map.of(), null, 1, Map.of(), null),
                (p, c, r) -> {
                    throw new AssertionError("must not send");
                },
                VendorRegistry.standard(),
                List.of(new BuiltInChecks()),
                Clock.systemUTC());
        ProbeResult r = runner.run(probe, Instant.now());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CONFIG);
            assertThat(f.message()).startsWith("cannot build the request URL: Illegal character in path at index");
            assertThat(f.message()).doesNotContain("s3cr3t-tok");
        });
    }
}

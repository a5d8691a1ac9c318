package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.testing.LoopbackSettings;
import io.driftwatch.vendor.FileTokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's own wiring (Engine with vendor auth flows, vendors, limiter and checks) runs every
 * shipped vendor probe against the sandbox and passes: what `check` does with the sandbox's environment.
 */
class EngineSandboxTest {
    @TempDir
    Path dir;

    @Test
    void shippedVendorProbesPassThroughTheEngine() throws Exception {
        try (Sandbox sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build())) {
            var env = new HashMap<>(sandbox.environment());
            var settings = LoopbackSettings.under(dir, ShippedConfigTest.repo().resolve("probes"), env);
            try (Engine engine = Extensions.engine(
                    settings,
                    Clock.systemUTC(),
                    new DriftwatchMetrics(),
                    AuditLog.NONE,
                    new FileTokenStore(dir.resolve("tokens")))) {
                var change = engine.reload();
                assertThat(change.problems()).isEmpty();
                List<ProbeDefinition> vendorProbes = engine.active().probes().values().stream()
                        .filter(p -> p.connection() != null || p.reconcile() != null)
                        .toList();
                assertThat(vendorProbes).hasSizeGreaterThanOrEqualTo(8);
                assertThat(vendorProbes).extracting(ProbeDefinition::id).contains("sf-opportunity-vs-qbo-invoice");
                for (ProbeResult r : OnceRunner.runAll(engine, vendorProbes)) {
                    assertThat(r.outcome())
                            .as("%s: %s", r.probeId(), r.findings())
                            .isEqualTo(Outcome.PASS);
                }
            }
        }
    }
}

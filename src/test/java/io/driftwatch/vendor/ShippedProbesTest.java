package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped probe, loaded with the sandbox's environment, passes against it; scenarios make them fail. */
class ShippedProbesTest {
    @TempDir
    static Path keys;

    static VendorHarness h;

    @BeforeAll
    static void start() {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @AfterEach
    void reset() {
        h.sandbox.resetScenarios();
    }

    @Test
    void everyVendorHasAConnectionAndTheExpectedProbes() {
        assertThat(h.config.connections().keySet()).contains("quickbooks", "salesforce", "smarty");
        assertThat(h.config.probes())
                .extracting(ProbeDefinition::id)
                .contains(
                        "qbo-invoice-read",
                        "qbo-invoice-query-recent",
                        "sf-limits",
                        "sf-api-versions",
                        "sf-closed-won-opportunities",
                        "smarty-known-address",
                        "smarty-no-match");
    }

    @Test
    void everyShippedProbePassesAgainstTheSandbox() {
        for (ProbeDefinition p : h.config.probes()) {
            if (p.connection() == null) continue; // driftwatch-self probes the daemon, not a vendor
            ProbeResult r = h.runner.run(p, h.clock.instant());
            assertThat(r.outcome()).as("%s: %s", p.id(), r.findings()).isEqualTo(Outcome.PASS);
        }
    }

    @Test
    void intuitTidReachesTheAuditTrail() {
        h.run("qbo-invoice-read");
        assertThat(h.audit)
                .filteredOn(r -> r.probe().equals("qbo-invoice-read"))
                .last()
                .satisfies(r -> assertThat(r.requestId()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}"));
    }

    @Test
    void aRemovedFieldFailsTheInvoiceAssertion() {
        h.sandbox.setScenario(Scenario.of("field-removed", Map.of("vendor", "quickbooks")));
        ProbeResult r = h.run("qbo-invoice-read");
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.findings()).extracting(Finding::message).anyMatch(m -> m.contains("$.Invoice.DocNumber"));
    }

    @Test
    void totalsOffByTwoCentsFailTheReconciliation() {
        assertThat(h.run("qbo-invoice-read").checks()).contains("totals[lines-vs-total]");
        h.sandbox.setScenario(Scenario.of("totals-off", Map.of("vendor", "quickbooks")));
        for (String probe : new String[] {"qbo-invoice-read", "qbo-invoice-query-recent"}) {
            ProbeResult r = h.run(probe);
            assertThat(r.outcome()).as(probe).isEqualTo(Outcome.FAIL);
            assertThat(r.failureKind()).as(probe).isEqualTo("totals");
        }
    }

    @Test
    void aFaultWithHttp200FailsThroughTheVendor() {
        h.sandbox.setScenario(Scenario.of("fault-200"));
        ProbeResult r = h.run("qbo-invoice-read");
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.findings())
                .filteredOn(f -> f.check().equals("vendor"))
                .extracting(Finding::message)
                .containsExactly(
                        "QuickBooks fault 6190 (ValidationFault): Invalid Company Status (arrived with HTTP 200)");
    }

    @Test
    void aNewerSalesforceVersionIsReportedAsInformation() {
        ProbeResult r = h.run("sf-api-versions");
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.findings())
                .filteredOn(f -> f.level() == Level.INFO)
                .extracting(Finding::message)
                .containsExactly("Salesforce API version 66.0 is available (pinned 65.0)");
    }

    @Test
    void theNoMatchProbeFailsWhenSmartySuddenlyMatches() {
        h.sandbox.setScenario(Scenario.of("html-error", Map.of("vendor", "smarty", "status", "200")));
        ProbeResult r = h.run("smarty-no-match");
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    }
}

package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.AuditLog;
import io.driftwatch.metrics.DriftwatchMetrics;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.reconcile.MismatchKind;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.sandbox.ScenarioKind;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import io.driftwatch.vendor.FileTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: reconcile} probes run through the product's Engine: files, a loopback API, the sandbox. */
class ReconcileProbeTest {
    @TempDir
    Path dir;

    Engine engine(Path probes, Map<String, String> env) {
        var settings = LoopbackSettings.under(dir, probes, env);
        Engine engine = Extensions.engine(
                settings,
                Clock.systemUTC(),
                new DriftwatchMetrics(),
                AuditLog.NONE,
                new FileTokenStore(dir.resolve("tokens")));
        assertThat(engine.reload().problems()).isEmpty();
        return engine;
    }

    static ProbeResult run(Engine engine, String id) {
        ProbeDefinition probe = engine.active().probes().get(id);
        assertThat(probe).as(id).isNotNull();
        return engine.runner().run(probe, engine.clock().instant());
    }

    static List<String> messages(ProbeResult r, Level level) {
        return r.findings().stream()
                .filter(f -> f.level() == level)
                .map(Finding::message)
                .toList();
    }

    @Test
    void savedPayloadsShowMismatchOrphansDuplicatesAndTotals() {
        Engine engine = engine(Path.of("src/test/resources/reconcile/probes"), Map.of());
        ProbeResult r = run(engine, "sf-vs-qbo-files");

        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.failureKind()).isEqualTo(FindingKind.TOTALS);
        assertThat(r.checks()).containsExactly("source", "target", "reconcile");
        assertThat(messages(r, Level.FAIL))
                .contains(
                        "OPP-1037: salesforce Amount 145.80 USD, quickbooks TotalAmt 145.82 USD (delta 0.02 > 0.01)",
                        "OPP-1038: in salesforce (Amount 900.00 USD) but not in quickbooks",
                        "OPP-1035: in quickbooks (TotalAmt 80.00 USD) but not in salesforce")
                .anySatisfy(m -> assertThat(m).startsWith("OPP-1039: 2 salesforce records share this key"));
        assertThat(messages(r, Level.INFO)).singleElement().asString().endsWith("; 6 matched");
        Finding mismatch = r.findings().get(0);
        assertThat(mismatch.evidence())
                .containsEntry("expected", "145.80")
                .containsEntry("actual", "145.82")
                .containsEntry("delta", "0.02");

        var stats = engine.reconcileStats();
        assertThat(stats.largestDeltaExact("sf-vs-qbo-files")).isEqualByComparingTo("0.02");
        assertThat(stats.mismatches("sf-vs-qbo-files", MismatchKind.AMOUNT)).isEqualTo(1);
        assertThat(stats.mismatches("sf-vs-qbo-files", MismatchKind.DUPLICATE_SOURCE))
                .isEqualTo(1);
        assertThat(engine.metrics().scrape())
                .contains("driftwatch_reconcile_delta{check=\"sf-vs-qbo-files\"} 0.02")
                .contains("driftwatch_reconcile_mismatches{check=\"sf-vs-qbo-files\",kind=\"orphan-target\"} 1.0");
    }

    @Test
    void theShippedProbePassesOnTheSandboxAndCatchesOffAmountsAndMissingKeys() throws Exception {
        try (Sandbox sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build())) {
            Engine engine = engine(ShippedConfigTest.repo().resolve("probes"), sandbox.environment());
            String id = "sf-opportunity-vs-qbo-invoice";

            ProbeResult clean = run(engine, id);
            assertThat(clean.outcome()).as("%s", clean.findings()).isEqualTo(Outcome.PASS);
            assertThat(messages(clean, Level.INFO))
                    .singleElement()
                    .asString()
                    .startsWith("salesforce: 40 records, ")
                    .contains("; quickbooks: 40 records, ")
                    .endsWith("; 40 matched");
            assertThat(engine.reconcileStats().largestDeltaExact(id)).isEqualByComparingTo("0");
            // Payload totals feed the same gauges, one series per probe and rule.
            assertThat(run(engine, "qbo-invoice-query-recent").outcome()).isEqualTo(Outcome.PASS);
            assertThat(engine.metrics().scrape())
                    .contains("driftwatch_reconcile_mismatches{check=\"qbo-invoice-query-recent/"
                            + "each-invoice-lines-vs-total\",kind=\"totals\"} 0.0");

            sandbox.setScenario(Scenario.of("totals-off", Map.of("vendor", "salesforce")));
            ProbeResult off = run(engine, id);
            assertThat(off.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(engine.reconcileStats().mismatches(id, MismatchKind.AMOUNT))
                    .isEqualTo(40);
            assertThat(engine.reconcileStats().largestDeltaExact(id)).isEqualByComparingTo("0.02");
            assertThat(messages(off, Level.FAIL).get(0))
                    .matches("INV-\\d+: salesforce Amount [0-9.]+, quickbooks"
                            + " TotalAmt [0-9.]+ \\(delta -0\\.02 < -0\\.01\\)");
            sandbox.clearScenario(ScenarioKind.TOTALS_OFF);

            sandbox.setScenario(
                    Scenario.of("field-removed", Map.of("field", "External_Id__c", "vendor", "salesforce")));
            ProbeResult keyless = run(engine, id);
            assertThat(keyless.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(engine.reconcileStats().mismatches(id, MismatchKind.ORPHAN_TARGET))
                    .isEqualTo(40);
            assertThat(engine.reconcileStats().mismatches(id, MismatchKind.INVALID))
                    .isEqualTo(40);
        }
    }

    @Test
    void aQuickBooksSideReadsEveryPageWithPaginate() throws Exception {
        // QuickBooks pages by STARTPOSITION, which nextPage cannot express; request.paginate can.
        Path probes = dir.resolve("paged-probes");
        Files.createDirectories(probes.resolve("connections"));
        for (String c : List.of("quickbooks.yaml", "salesforce.yaml")) {
            Files.copy(
                    ShippedConfigTest.repo().resolve("probes/connections").resolve(c),
                    probes.resolve("connections").resolve(c));
        }
        String shipped = Files.readString(
                ShippedConfigTest.repo().resolve("probes/reconcile/sf-opportunity-vs-qbo-invoice.yaml"));
        String paged = shipped.replace("MAXRESULTS 1000", "MAXRESULTS 15")
                .replace(
                        "    timeout: 15s\n  records: \"$.QueryResponse",
                        "    timeout: 15s\n    paginate: { maxPages: 5 }\n  records: \"$.QueryResponse");
        assertThat(paged).contains("MAXRESULTS 15").contains("paginate: { maxPages: 5 }");
        Files.writeString(probes.resolve("paged.yaml"), paged);
        try (Sandbox sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build())) {
            Engine engine = engine(probes, sandbox.environment());
            ProbeResult r = run(engine, "sf-opportunity-vs-qbo-invoice");
            assertThat(r.outcome()).as("%s", r.findings()).isEqualTo(Outcome.PASS);
            assertThat(messages(r, Level.INFO))
                    .singleElement()
                    .asString()
                    .contains("; quickbooks: 40 records, ")
                    .endsWith("; 40 matched");
            assertThat(r.exchange().attempts()).isGreaterThanOrEqualTo(4); // 1 Salesforce + 3 QuickBooks pages
        }
    }

    @Test
    void pagesAreFollowedOnTheConnectionAndAnUnreadableSideFailsNamingIt() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        try (LoopbackServer api = new LoopbackServer()
                .route("/crm/page1", ex -> {
                    pages.incrementAndGet();
                    LoopbackServer.respond(ex, 200, "application/json", """
                            {"records":[{"k":"A","v":1.00}],"next":"/crm/page2"}""");
                })
                .route("/crm/page2", ex -> {
                    pages.incrementAndGet();
                    LoopbackServer.respond(ex, 200, "application/json", """
                            {"records":[{"k":"B","v":2.50}]}""");
                })
                .json("/crm/elsewhere", 200, """
                        {"records":[],"next":"http://attacker.example/steal"}""")
                .json("/ledger", 200, """
                        [{"id":"A","total":1.00},{"id":"B","total":2.5}]""")
                .route("/ledger-down", ex -> LoopbackServer.respond(ex, 503, "text/html", "<html>down</html>"))) {
            Path probes = dir.resolve("probes");
            Files.createDirectories(probes.resolve("connections"));
            Files.writeString(probes.resolve("connections/local.yaml"), "baseUrl: " + api.baseUrl() + "\n");
            Files.writeString(
                    probes.resolve("r.yaml"),
                    probe("paged", "/crm/page1", "/ledger")
                            + "---\n" + probe("ledger-down", "/crm/page1", "/ledger-down")
                            + "---\n" + probe("foreign-next", "/crm/elsewhere", "/ledger"));
            Engine engine = engine(probes, Map.of());

            ProbeResult paged = run(engine, "paged");
            assertThat(paged.outcome()).as("%s", paged.findings()).isEqualTo(Outcome.PASS);
            assertThat(pages.get()).isEqualTo(2);
            assertThat(messages(paged, Level.INFO))
                    .containsExactly("crm: 2 records, 3.50; ledger: 2 records, 3.50; 2 matched");
            assertThat(paged.exchange().url()).endsWith("/crm/page1 (+2 more)");

            ProbeResult down = run(engine, "ledger-down");
            assertThat(down.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(down.checks()).containsExactly("source", "target");
            assertThat(messages(down, Level.FAIL))
                    .containsExactly("ledger: expected status 2xx, got 503 (HTML error page)");
            assertThat(down.exchange().status()).isEqualTo(503);

            ProbeResult foreign = run(engine, "foreign-next");
            assertThat(messages(foreign, Level.FAIL))
                    .containsExactly("crm: next page is on another host (attacker.example); not followed");
        }
    }

    static String probe(String id, String sourcePath, String targetPath) {
        return """
                id: %s
                kind: reconcile
                source:
                  name: crm
                  connection: local
                  request: { path: %s, retries: { attempts: 1 } }
                  records: "$.records[*]"
                  nextPage: "$.next"
                  key: "$.k"
                  amount: "$.v"
                target:
                  name: ledger
                  connection: local
                  request: { path: %s, retries: { attempts: 1 } }
                  key: "$.id"
                  amount: "$.total"
                """.formatted(id, sourcePath, targetPath);
    }
}

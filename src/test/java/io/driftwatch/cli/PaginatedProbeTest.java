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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code request.paginate} through the real engine against the sandbox: Salesforce nextRecordsUrl,
 * QuickBooks STARTPOSITION/MAXRESULTS and Link rel="next" pages, merged so checks see every record.
 */
class PaginatedProbeTest {
    static final int OPPORTUNITIES = 25; // batches of 10: 3 pages
    static final int JOBS = 45; // limit 20: 3 pages

    @TempDir
    Path dir;

    Sandbox sandbox;
    Engine engine;
    Path probes;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder()
                .keyDirectory(dir.resolve("keys"))
                .salesforceBatchSize(10)
                .salesforceOpportunityCount(OPPORTUNITIES)
                .jobCount(JOBS)
                .build());
        probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Path shipped = ShippedConfigTest.repo().resolve("probes/connections");
        for (String c : List.of("quickbooks.yaml", "salesforce.yaml"))
            Files.copy(shipped.resolve(c), probes.resolve("connections").resolve(c));
        Files.writeString(probes.resolve("connections/jobs.yaml"), """
                baseUrl: ${JOBS_BASE_URL}
                auth: { type: api-key, name: X-Api-Key, value: "${JOBS_API_KEY}", in: header }
                """);
        engine = Extensions.engine(
                LoopbackSettings.under(dir, probes, new HashMap<>(sandbox.environment())),
                Clock.systemUTC(),
                new DriftwatchMetrics(),
                AuditLog.NONE,
                new FileTokenStore(dir.resolve("tokens")));
    }

    @AfterEach
    void tearDown() {
        if (engine != null) engine.close();
        sandbox.close();
    }

    ProbeResult run(String id, String yaml) throws Exception {
        Files.writeString(probes.resolve(id + ".yaml"), "id: " + id + "\nschedule: { every: 1h }\n" + yaml);
        var change = engine.reload();
        assertThat(change.problems()).isEmpty();
        ProbeDefinition p = engine.active().probes().get(id);
        return OnceRunner.runAll(engine, List.of(p)).get(0);
    }

    @Test
    void salesforceQueryFollowsNextRecordsUrlAndChecksSeeEveryRecord() throws Exception {
        long before = sandbox.stats().salesforceApiRequests();
        ProbeResult r = run("sf-all", """
                connection: salesforce
                request:
                  path: /services/data/v65.0/query
                  query: { q: "SELECT Id, Amount FROM Opportunity" }
                  paginate: { maxPages: 10 }
                expect:
                  assertions:
                    - { path: "$.records", length: %d }
                    - { path: "$.totalSize", equals: %d }
                    - { path: "$.done", equals: true }
                    - { path: "$.nextRecordsUrl", exists: false }
                """.formatted(OPPORTUNITIES, OPPORTUNITIES));
        assertThat(r.outcome()).as("%s", r.findings()).isEqualTo(Outcome.PASS);
        assertThat(r.exchange().attempts()).isEqualTo(3);
        assertThat(sandbox.stats().salesforceApiRequests() - before).isEqualTo(3);
    }

    @Test
    void thePageCapStopsTheWalkAndTheMergedBodySaysNotDone() throws Exception {
        ProbeResult r = run("sf-capped", """
                connection: salesforce
                request:
                  path: /services/data/v65.0/query
                  query: { q: "SELECT Id, Amount FROM Opportunity" }
                  paginate: { maxPages: 2 }
                expect:
                  assertions:
                    - { path: "$.records", length: 20 }
                    - { path: "$.done", equals: false }
                    - { path: "$.nextRecordsUrl", exists: true }
                """);
        assertThat(r.outcome()).as("%s", r.findings()).isEqualTo(Outcome.PASS);
    }

    @Test
    void quickBooksQueryAdvancesStartPositionUntilAShortPage() throws Exception {
        ProbeResult all = run("qbo-one-page", """
                connection: quickbooks
                request:
                  path: /v3/company/${QBO_REALM_ID}/query
                  query: { query: "SELECT * FROM Invoice MAXRESULTS 1000" }
                """);
        int invoices = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(all.exchange().body())
                .path("QueryResponse")
                .path("Invoice")
                .size();
        assertThat(invoices).isGreaterThan(3);
        int pageSize = invoices / 3 + 1; // three pages, the last one short

        ProbeResult r = run("qbo-all", """
                connection: quickbooks
                request:
                  path: /v3/company/${QBO_REALM_ID}/query
                  query: { query: "SELECT * FROM Invoice MAXRESULTS %d" }
                  timeout: 30s
                  paginate: { maxPages: 10 }
                expect:
                  assertions:
                    - { path: "$.QueryResponse.Invoice", length: %d }
                    - { path: "$.QueryResponse.startPosition", equals: 1 }
                    - { path: "$.QueryResponse.maxResults", equals: %d }
                  totals:
                    - name: each-invoice
                      records: "$.QueryResponse.Invoice[*]"
                      key: "$.Id"
                      sum: "$.Line[?(@.DetailType == 'SalesItemLineDetail')].Amount"
                      minus: "$.Line[?(@.DetailType == 'DiscountLineDetail')].Amount"
                      plus: "$.TxnTaxDetail.TotalTax"
                      equals: "$.TotalAmt"
                      tolerance: 0.01
                """.formatted(pageSize, invoices, invoices));
        assertThat(r.outcome()).as("%s", r.findings()).isEqualTo(Outcome.PASS);
        // The short third page ends the walk.
        assertThat(r.exchange().attempts()).isEqualTo(3);
    }

    @Test
    void linkHeadersAreFollowedAndArraysConcatenated() throws Exception {
        ProbeResult r = run("jobs-all", """
                connection: jobs
                request:
                  path: /jobs
                  query: { limit: "20" }
                  paginate: { maxPages: 5 }
                expect:
                  assertions:
                    - { path: "$", length: %d }
                """.formatted(JOBS));
        assertThat(r.outcome()).as("%s", r.findings()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aFailingPageFailsTheRunWithThatPagesStatus() throws Exception {
        sandbox.setScenario(io.driftwatch.sandbox.Scenario.parse("server-errors:vendor=jobs,every=2,status=503"));
        ProbeResult r = run("jobs-broken", """
                connection: jobs
                request:
                  path: /jobs
                  query: { limit: "20" }
                  retries: { attempts: 1 }
                  paginate: { maxPages: 5 }
                """);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.exchange().status()).isEqualTo(503);
    }

    @Test
    void badPaginateKeysAreReportedWithFileLineAndColumn() throws Exception {
        Files.writeString(probes.resolve("bad.yaml"), """
                id: bad
                schedule: { every: 1h }
                connection: jobs
                request:
                  path: /jobs
                  paginate: { maxPages: 0, pages: 3 }
                """);
        var problems = engine.reload().problems().stream()
                .map(p -> p.file().getFileName() + ":" + p.line() + ":" + p.column() + ": " + p.message())
                .toList();
        assertThat(problems)
                .containsExactly(
                        "bad.yaml:6:25: request.paginate.maxPages: expected a whole number >= 1, got '0'",
                        "bad.yaml:6:28: unknown key 'pages' in request.paginate (expected one of: maxPages)");
    }
}

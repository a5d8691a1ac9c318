package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushReconciliationTest {

    static final long CAP = 1_048_576;

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-06-02T16:20:11Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Knows probe qbo-invoices (totals rules) and reconcile definition sf-vs-qbo; counts lookups. */
    static final class Catalog implements CheckCatalog {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Optional<List<TotalsRule>> totalsRules(String check) {
            lookups.incrementAndGet();
            return check.equals("qbo-invoices")
                    ? Optional.of(
                            List.of(QuickBooksInvoiceRule.rule("lines-vs-total", QuickBooksInvoiceRule.QUERY_RECORDS)))
                    : Optional.empty();
        }

        @Override
        public Optional<ReconcileSpec> reconcileSpec(String check) {
            if (!check.equals("sf-vs-qbo")) return Optional.empty();
            var source = new io.driftwatch.config.ReconcileSide(
                    "salesforce",
                    null,
                    null,
                    java.nio.file.Path.of("sf.json"),
                    "$.records[*]",
                    null,
                    "$.External_Id__c",
                    "$.Amount",
                    "$.CurrencyIsoCode");
            var target = new io.driftwatch.config.ReconcileSide(
                    "quickbooks",
                    null,
                    null,
                    java.nio.file.Path.of("qbo.json"),
                    "$.QueryResponse.Invoice[*]",
                    null,
                    "$.CustomField[?(@.Name == 'External Id')].StringValue",
                    "$.TotalAmt",
                    "$.CurrencyRef.value");
            return Optional.of(new ReconcileSpec("sf-vs-qbo", null, null, source, target, null, null, null, null));
        }
    }

    final ManualClock clock = new ManualClock();
    final Catalog catalog = new Catalog();
    final InMemoryPushStore store = new InMemoryPushStore(100);
    final PushReconciliation service =
            new PushReconciliation(catalog, store, new ReconcileStats(check -> {}), clock, 50);

    static String pair(JsonNode before, JsonNode after) {
        return "{\"before\":" + before + ",\"after\":" + after + "}";
    }

    static JsonNode correctedPage() {
        JsonNode page = Fixtures.json("qbo-invoice-query-page.json");
        ((ObjectNode) page.at("/QueryResponse/Invoice/6"))
                .set("TotalAmt", DecimalNode.valueOf(new BigDecimal("145.80")));
        return page;
    }

    PushResponse push(String check, String body, String id) {
        return service.push(check, body.getBytes(StandardCharsets.UTF_8), id, CAP);
    }

    static PushResult accepted(PushResponse response) {
        assertThat(response).isInstanceOf(PushResponse.Accepted.class);
        return ((PushResponse.Accepted) response).result();
    }

    @Test
    void beforeAndAfterATransformationThatChangedOneTotal() {
        PushResult result = accepted(
                push("qbo-invoices", pair(correctedPage(), Fixtures.json("qbo-invoice-query-page.json")), "run-1"));

        assertThat(result.mode()).isEqualTo("before-after");
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.largestAbsDelta()).isEqualByComparingTo("0.02");
        assertThat(result.mismatches())
                .containsOnly(java.util.Map.entry("totals", 1), java.util.Map.entry("amount", 1));
        assertThat(result.findings())
                .extracting(Finding::message)
                .containsExactly(
                        "after Invoice 1037 (USD): SalesItemLineDetail 150.00 - DiscountLineDetail 15.00"
                                + " + TotalTax 10.80 = 145.80, TotalAmt 145.82 (delta 0.02 > 0.01)",
                        "1037: before TotalAmt 145.80 USD, after TotalAmt 145.82 USD (delta 0.02 > 0.01)",
                        "before: 7 records, 1829.57 USD, 94.50 CAD; after: 7 records, 1829.59 USD, 94.50 CAD;"
                                + " 7 matched");
        assertThat(result.findings()).allMatch(f -> f.check().equals("totals[lines-vs-total]"));
        assertThat(result.findings().get(0).evidence()).containsEntry("side", "after");
    }

    @Test
    void anUnchangedPayloadPasses() {
        JsonNode page = correctedPage();
        PushResult result = accepted(push("qbo-invoices", pair(page, page), null));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.mismatches()).isEmpty();
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void sourceAndTargetCollectionsRunTheReconcileDefinition() {
        String body = "{\"source\":"
                + Fixtures.json("sf-closed-won-opportunities.json").get("records") + ",\"target\":"
                + Fixtures.json("qbo-invoice-query-page.json") + "}";

        PushResult result = accepted(push("sf-vs-qbo", body, "batch-7"));

        assertThat(result.mode()).isEqualTo("source-target");
        assertThat(result.mismatches())
                .containsEntry("amount", 1)
                .containsEntry("orphan-source", 2)
                .containsEntry("orphan-target", 1)
                .containsEntry("duplicate-source", 1);
        assertThat(result.findings().get(0).message())
                .isEqualTo(
                        "OPP-1037: salesforce Amount 145.80 USD, quickbooks TotalAmt 145.82 USD (delta 0.02 > 0.01)");
        assertThat(result.findings()).allMatch(f -> f.check().equals("sf-vs-qbo"));
    }

    @Test
    void beforeAndAfterPayloadsOfAReconcileDefinitionAreItsSourceAndTarget() {
        String body = "{\"before\":" + Fixtures.json("sf-closed-won-opportunities.json") + ",\"after\":"
                + Fixtures.json("qbo-invoice-query-page.json") + "}";

        PushResult result = accepted(push("sf-vs-qbo", body, "transform-1"));

        assertThat(result.mode()).isEqualTo("before-after");
        assertThat(result.mismatches()).containsEntry("amount", 1).containsEntry("orphan-target", 1);
        assertThat(result.findings().get(0).message()).startsWith("OPP-1037: salesforce Amount 145.80 USD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`{\n  \"before\": {\n    \"a\": 1,,\n  \"after\": {}\n}` | malformed JSON at line 3 column 12: Unexpected"
                        + " character (',' (code 44)): was expecting double-quote to start field name",
                "`{\"before\": {}}`                      | missing field 'after'",
                "`{\"after\": {}}`                       | missing field 'before'",
                "`{\"source\": []}`                      | missing field 'target'",
                "`{}`                                   | missing fields: expected 'before' and 'after', or 'source' and"
                        + " 'target'",
                "``                                     | empty body: expected 'before' and 'after', or 'source' and"
                        + " 'target'",
                "`[]`                                   | body must be a JSON object, got array",
                "`{\"before\": {}, \"after\": {}, \"id\": 1}` | unknown field 'id' (expected 'before' and 'after', or"
                        + " 'source' and 'target')",
                "`{\"before\": {}, \"target\": []}`        | give either 'before' and 'after', or 'source' and 'target',"
                        + " not both",
                "`{\"before\": {}, \"after\": \"x\"}`      | field 'after' must be a JSON object or array, got string",
                "`{\"before\": {}, \"after\": null}`       | field 'after' must be a JSON object or array, got null",
                "`{\"before\": {}, \"before\": {}}`        | malformed JSON at line 1 column 24: Duplicate field 'before'",
                "`{\"before\": {}, \"after\": {}} {}`      | malformed JSON at line 1 column 29: unexpected content after the"
                        + " end of the JSON value",
            })
    void malformedPushesAreRejectedPreciselyAndStoreNothing(String body, String message) {
        PushResponse response = push("qbo-invoices", body, "bad-1");

        assertThat(response).isEqualTo(new PushResponse.Rejected(400, message));
        assertThat(store.find("qbo-invoices", "bad-1")).isEmpty();
    }

    @Test
    void oversizedPushesAreRejectedBeforeParsing() {
        byte[] body = new byte[(int) CAP + 1];
        Arrays.fill(body, (byte) ' ');

        assertThat(service.push("qbo-invoices", body, "big", CAP))
                .isEqualTo(new PushResponse.Rejected(413, "body exceeds 1048576 bytes"));
        assertThat(catalog.lookups).hasValue(0);
    }

    @Test
    void unknownChecksAndBodiesTheCheckCannotTake() {
        assertThat(push("nope", "{}", null)).isEqualTo(new PushResponse.Rejected(404, "unknown check 'nope'"));
        assertThat(push("qbo-invoices", "{\"source\": [], \"target\": []}", null))
                .isEqualTo(new PushResponse.Rejected(
                        422, "check 'qbo-invoices' is not a reconcile definition; 'source' and 'target' need one"));
        assertThat(push("qbo-invoices", "{}", "has space"))
                .isEqualTo(
                        new PushResponse.Rejected(400, "idempotency id must be 1 to 200 printable ASCII characters"));
    }

    @Test
    void theSameIdReturnsTheStoredResultWithoutRecomputing() {
        String body = pair(correctedPage(), Fixtures.json("qbo-invoice-query-page.json"));
        PushResult first = accepted(push("qbo-invoices", body, "run-42"));
        int lookups = catalog.lookups.get();
        clock.now = clock.now.plus(Duration.ofMinutes(5));

        PushResponse again = push("qbo-invoices", body, "run-42");

        assertThat(again).isEqualTo(new PushResponse.Accepted(first, true));
        assertThat(catalog.lookups).as("not recomputed").hasValue(lookups);
        assertThat(push("qbo-invoices", pair(correctedPage(), correctedPage()), "run-42"))
                .isEqualTo(new PushResponse.Rejected(
                        422, "idempotency id 'run-42' was already used with a different body"));
        assertThat(accepted(push("qbo-invoices", body, "run-43")).receivedAt())
                .as("another id computes afresh")
                .isEqualTo(clock.now);
    }

    @Test
    void aRejectedPushCanBeCorrectedAndRetriedUnderTheSameId() {
        assertThat(push("qbo-invoices", "{\"before\": {}}", "fix-me")).isInstanceOf(PushResponse.Rejected.class);

        PushResponse retried = push("qbo-invoices", pair(correctedPage(), correctedPage()), "fix-me");

        assertThat(retried).isInstanceOf(PushResponse.Accepted.class);
        assertThat(((PushResponse.Accepted) retried).replayed()).isFalse();
    }

    @Test
    void theInMemoryStoreForgetsTheLeastRecentlyUsed() {
        InMemoryPushStore small = new InMemoryPushStore(2);
        PushReconciliation svc = new PushReconciliation(catalog, small, ReconcileStats.NONE, clock, 50);
        String body = pair(correctedPage(), correctedPage());
        for (String id : List.of("a", "b", "c"))
            svc.push("qbo-invoices", body.getBytes(StandardCharsets.UTF_8), id, CAP);

        assertThat(small.find("qbo-invoices", "a")).isEmpty();
        assertThat(small.find("qbo-invoices", "c")).isPresent();
        assertThat(small.purgeBefore(clock.now.plusSeconds(1))).isEqualTo(2);
    }
}

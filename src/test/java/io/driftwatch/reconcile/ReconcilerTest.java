package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final SidePaths SALESFORCE = SidePaths.compile("$.External_Id__c", "$.Amount", "$.CurrencyIsoCode");
    private static final SidePaths QUICKBOOKS = SidePaths.compile(
            "$.CustomField[?(@.Name == 'External Id')].StringValue", "$.TotalAmt", "$.CurrencyRef.value");
    private static final SidePaths SIMPLE = SidePaths.compile("$.k", "$.v", null);

    private static List<JsonNode> records(String json) {
        List<JsonNode> out = new ArrayList<>();
        Fixtures.parse(json).forEach(out::add);
        return out;
    }

    private static List<JsonNode> select(JsonNode payload, String recordsPath) {
        List<JsonNode> out = new ArrayList<>();
        for (Object o : JsonPathExpr.compile(recordsPath).read(payload)) out.add((JsonNode) o);
        return out;
    }

    private static ReconcileReport simple(String source, String target) {
        return new Reconciler(null).reconcile("source", records(source), SIMPLE, "target", records(target), SIMPLE);
    }

    @Test
    void closedWonOpportunitiesAgainstQuickBooksInvoices() {
        List<JsonNode> opportunities = select(Fixtures.json("sf-closed-won-opportunities.json"), "$.records[*]");
        List<JsonNode> invoices = select(Fixtures.json("qbo-invoice-query-page.json"), "$.QueryResponse.Invoice[*]");

        ReconcileReport report = new Reconciler(new BigDecimal("0.01"))
                .reconcile("salesforce", opportunities, SALESFORCE, "quickbooks", invoices, QUICKBOOKS);

        assertThat(report.matched()).isEqualTo(6);
        assertThat(report.largestAbsDelta()).isEqualByComparingTo("0.02");
        assertThat(report.sourceTotals().records()).isEqualTo(9);
        assertThat(report.sourceTotals().sums()).containsOnlyKeys("USD", "CAD");
        assertThat(report.sourceTotals().sums().get("USD")).isEqualByComparingTo("3649.57");
        assertThat(report.targetTotals().sums().get("USD")).isEqualByComparingTo("1829.59");
        assertThat(report.targetTotals().sums().get("CAD")).isEqualByComparingTo("94.50");
        assertThat(report.toFindings("sf-opportunity-vs-qbo-invoice"))
                .extracting(Finding::message, Finding::level)
                .containsExactly(
                        tuple(
                                "OPP-1037: salesforce Amount 145.80 USD, quickbooks TotalAmt 145.82 USD"
                                        + " (delta 0.02 > 0.01)",
                                Level.FAIL),
                        tuple("OPP-1038: in salesforce (Amount 900.00 USD) but not in quickbooks", Level.FAIL),
                        tuple("OPP-1039: in salesforce (Amount 500.00 USD) but not in quickbooks", Level.FAIL),
                        tuple("OPP-1035: in quickbooks (TotalAmt 80.00 USD) but not in salesforce", Level.FAIL),
                        tuple("OPP-1039: 2 salesforce records share this key (#7, #8); not compared", Level.FAIL),
                        tuple(
                                "salesforce: 9 records, 3649.57 USD, 94.50 CAD; quickbooks: 7 records, 1829.59 USD,"
                                        + " 94.50 CAD; 6 matched",
                                Level.INFO));
    }

    @Test
    void orphansAndDuplicateKeysOnBothSides() {
        ReconcileReport report = simple(
                "[{'k':'A','v':10},{'k':'B','v':20},{'k':'B','v':20},{'k':'C','v':5},{'k':'X','v':1},{'k':'X','v':1}]",
                "[{'k':'A','v':10},{'k':'C','v':5},{'k':'D','v':7},{'k':'D','v':7},{'k':'E','v':1},{'k':'X','v':1},"
                        + "{'k':'X','v':1}]");

        assertThat(report.matched()).isEqualTo(2);
        assertThat(report.sourceOrphans()).extracting(KeyedAmount::key).containsExactly("B");
        assertThat(report.targetOrphans()).extracting(KeyedAmount::key).containsExactly("D", "E");
        assertThat(report.sourceDuplicates())
                .extracting(d -> d.key() + d.indices())
                .containsExactly("B[1, 2]", "X[4, 5]");
        assertThat(report.targetDuplicates())
                .extracting(d -> d.key() + d.indices())
                .containsExactly("D[2, 3]", "X[5, 6]");
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.summary().mismatches())
                .containsEntry(MismatchKind.ORPHAN_SOURCE, 1)
                .containsEntry(MismatchKind.ORPHAN_TARGET, 2)
                .containsEntry(MismatchKind.DUPLICATE_SOURCE, 2)
                .containsEntry(MismatchKind.DUPLICATE_TARGET, 2)
                .doesNotContainKey(MismatchKind.AMOUNT);
        assertThat(report.toFindings("r"))
                .extracting(Finding::message)
                .containsExactly(
                        "B: in source (v 20) but not in target",
                        "D: in target (v 7) but not in source",
                        "E: in target (v 1) but not in source",
                        "B: 2 source records share this key (#1, #2); not compared",
                        "X: 2 source records share this key (#4, #5); not compared",
                        "D: 2 target records share this key (#2, #3); not compared",
                        "X: 2 target records share this key (#5, #6); not compared",
                        "source: 6 records, 57; target: 7 records, 32; 2 matched");
        assertThat(report.toFindings("r").get(0).evidence())
                .containsEntry("mismatch", "orphan-source")
                .containsEntry("key", "B")
                .containsEntry("amount", "20");
    }

    @Test
    void toleranceIsInclusiveAndDeltaIsTargetMinusSource() {
        ReconcileReport report = simple(
                "[{'k':'a','v':100.00},{'k':'b','v':100.00},{'k':'c','v':100.00}]",
                "[{'k':'a','v':100.01},{'k':'b','v':100.011},{'k':'c','v':99.98}]");

        assertThat(report.mismatches())
                .extracting(m -> m.key() + " " + m.delta().toPlainString())
                .containsExactly("b 0.011", "c -0.02");
        assertThat(report.largestAbsDelta()).isEqualByComparingTo("0.02");
        assertThat(report.toFindings("r").get(1).message())
                .isEqualTo("c: source v 100.00, target v 99.98 (delta -0.02 < -0.01)");
        assertThat(report.toFindings("r").get(1).evidence())
                .containsEntry("mismatch", "amount")
                .containsEntry("expected", "100.00")
                .containsEntry("actual", "99.98")
                .containsEntry("delta", "-0.02")
                .containsEntry("tolerance", "0.01");
    }

    @Test
    void differentCurrenciesAreNeverComparedNorSummedTogether() {
        SidePaths withCurrency = SidePaths.compile("$.k", "$.v", "$.c");
        ReconcileReport report = new Reconciler(null)
                .reconcile(
                        "source",
                        records("[{'k':'a','v':10.00,'c':'USD'},{'k':'b','v':5.00,'c':'EUR'}]"),
                        withCurrency,
                        "target",
                        records("[{'k':'a','v':10.00,'c':'EUR'},{'k':'b','v':5.00,'c':'EUR'}]"),
                        withCurrency);

        assertThat(report.currencyMismatches()).hasSize(1);
        assertThat(report.sourceTotals().sums()).containsOnlyKeys("USD", "EUR");
        List<Finding> findings = report.toFindings("r");
        assertThat(findings.get(0).message())
                .isEqualTo("a: source v 10.00 USD, target v 10.00 EUR: different currencies, not compared");
        assertThat(findings.get(0).level()).isEqualTo(Level.WARN);
        assertThat(findings.get(1).message())
                .isEqualTo("source: 2 records, 10.00 USD, 5.00 EUR; target: 2 records, 15.00 EUR; 2 matched");
    }

    @Test
    void recordsWithoutKeyOrAmountAreReportedNotJoined() {
        ReconcileReport report = simple(
                "[{'v':1},{'k':'a','v':null},{'k':'b','v':'n/a'},{'k':1037,'v':3}]",
                "[{'k':'a','v':1},{'k':'b','v':2},{'k':'1037','v':3}]");

        assertThat(report.matched()).isEqualTo(3);
        assertThat(report.toFindings("r"))
                .extracting(Finding::message)
                .containsExactly(
                        "source record #0: cannot compare: no key at $.k",
                        "source a: cannot compare: $.v matched no number",
                        "source b: cannot compare: $.v matched \"n/a\", not a number",
                        "source: 4 records, 3; target: 3 records, 6; 3 matched");
    }

    @Test
    void tenThousandMismatchesAreCappedWithASummary() {
        StringBuilder source = new StringBuilder("[");
        StringBuilder target = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            source.append(i == 0 ? "" : ",").append("{'k':'").append(i).append("','v':1.00}");
            target.append(i == 0 ? "" : ",").append("{'k':'").append(i).append("','v':1.05}");
        }
        target.append(",{'k':'extra','v':1}");

        List<Finding> findings = simple(
                        source.append("]").toString(), target.append("]").toString())
                .toFindings("r", 50);

        assertThat(findings).hasSize(52);
        assertThat(findings.get(50).message())
                .isEqualTo("9951 more findings not listed (of 10001: 10000 amount, 0 currency, 0 orphan-source,"
                        + " 1 orphan-target, 0 duplicate-source, 0 duplicate-target, 0 invalid)");
        assertThat(findings.get(50).level()).isEqualTo(Level.FAIL);
        assertThat(findings.get(51).level()).isEqualTo(Level.INFO);
    }
}

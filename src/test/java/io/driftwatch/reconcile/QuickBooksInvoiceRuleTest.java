package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped QuickBooks invoice rule against realistic invoices (query page and single read). */
class QuickBooksInvoiceRuleTest {

    private static final TotalsEvaluator PAGE =
            new TotalsEvaluator(QuickBooksInvoiceRule.rule("lines-vs-total", QuickBooksInvoiceRule.QUERY_RECORDS));

    @Test
    void catchesTheSandboxTotalsOffInvoiceAndNothingElse() {
        TotalsOutcome outcome = PAGE.evaluate(Fixtures.json("qbo-invoice-query-page.json"));

        assertThat(outcome.records()).hasSize(7);
        List<Finding> findings = TotalsFindings.of("totals[lines-vs-total]", PAGE, outcome, 50);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.message())
                .isEqualTo("Invoice 1037 (USD): SalesItemLineDetail 150.00 - DiscountLineDetail 15.00"
                        + " + TotalTax 10.80 = 145.80, TotalAmt 145.82 (delta 0.02 > 0.01)");
        assertThat(f.level()).isEqualTo(Level.FAIL);
        assertThat(f.kind()).isEqualTo("totals");
        assertThat(f.check()).isEqualTo("totals[lines-vs-total]");
        assertThat(f.evidence())
                .containsEntry("mismatch", "totals")
                .containsEntry("rule", "lines-vs-total")
                .containsEntry("record", "1037")
                .containsEntry("currency", "USD")
                .containsEntry("sum", "150.00")
                .containsEntry("minus", "15.00")
                .containsEntry("plus", "10.80")
                .containsEntry("expected", "145.80")
                .containsEntry("actual", "145.82")
                .containsEntry("delta", "0.02")
                .containsEntry("tolerance", "0.01");
        assertThat(outcome.summary().largestAbsDelta()).isEqualByComparingTo("0.02");
        assertThat(outcome.summary().count(MismatchKind.TOTALS)).isEqualTo(1);
    }

    @Test
    void invoicesWithDiscountsTaxSubtotalsShippingAndOtherCurrenciesAddUp() {
        TotalsOutcome outcome = PAGE.evaluate(Fixtures.json("qbo-invoice-query-page.json"));

        assertThat(outcome.records())
                .filteredOn(RecordTotal::ok)
                .extracting(RecordTotal::key)
                .containsExactly("1031", "1032", "1033", "1034", "1035", "1036");
        RecordTotal discounted = outcome.records().get(1); // 10% discount, tax after discount
        assertThat(discounted.sum()).isEqualByComparingTo("150.04");
        assertThat(discounted.minus()).isEqualByComparingTo("15.00");
        assertThat(discounted.plus()).isEqualByComparingTo("11.14");
        assertThat(discounted.delta()).isEqualByComparingTo("0");
        assertThat(outcome.records().get(4).plus())
                .as("no TotalTax counts as 0")
                .isEqualByComparingTo("0");
        assertThat(outcome.records().get(5).currency()).isEqualTo("CAD");
    }

    @Test
    void subtotalLinesWouldBeDoubleCountedByANaiveSumOfAllLines() {
        TotalsRule naive = new TotalsRule(
                "naive",
                QuickBooksInvoiceRule.QUERY_RECORDS,
                "$.DocNumber",
                "$.Line[*].Amount",
                null,
                "$.TxnTaxDetail.TotalTax",
                "$.TotalAmt",
                null,
                null);

        TotalsOutcome outcome = new TotalsEvaluator(naive).evaluate(Fixtures.json("qbo-invoice-query-page.json"));

        assertThat(outcome.records()).noneMatch(RecordTotal::ok);
        assertThat(outcome.records().get(0).sum()).as("150 + 75 + subtotal 225").isEqualByComparingTo("450.00");
    }

    @Test
    void discountsAreSubtractedNotAdded() {
        TotalsRule discountAdded = new TotalsRule(
                "wrong-sign",
                QuickBooksInvoiceRule.QUERY_RECORDS,
                "$.DocNumber",
                "$.Line[?(@.DetailType == 'SalesItemLineDetail' || @.DetailType == 'DiscountLineDetail')].Amount",
                null,
                QuickBooksInvoiceRule.PLUS,
                QuickBooksInvoiceRule.EQUALS,
                null,
                null);

        TotalsOutcome outcome =
                new TotalsEvaluator(discountAdded).evaluate(Fixtures.json("qbo-invoice-query-page.json"));

        assertThat(outcome.problems()).extracting(RecordTotal::key).containsExactly("1032", "1034", "1037");
    }

    @Test
    void singleInvoiceReadUsesTheSameRuleWithTheReadEnvelope() {
        TotalsEvaluator read =
                new TotalsEvaluator(QuickBooksInvoiceRule.rule("read", QuickBooksInvoiceRule.READ_RECORD));
        JsonNode good = Fixtures.json("qbo-invoice-read-1032.json");

        assertThat(read.evaluate(good).problems()).isEmpty();

        ObjectNode drifted = good.deepCopy();
        ((ObjectNode) drifted.get("Invoice")).set("TotalAmt", DecimalNode.valueOf(new BigDecimal("146.16")));
        List<Finding> findings = TotalsFindings.of("totals[read]", read, read.evaluate(drifted), 50);
        assertThat(findings)
                .extracting(Finding::message)
                .containsExactly("Invoice 1032 (USD): SalesItemLineDetail 150.04 - DiscountLineDetail 15.00"
                        + " + TotalTax 11.14 = 146.18, TotalAmt 146.16 (delta -0.02 < -0.01)");
    }

    @Test
    void anEmptyQueryPageHasNothingToCheck() {
        assertThat(PAGE.evaluate(Fixtures.parse("{'QueryResponse':{},'time':'2026-06-02T09:20:11.512-07:00'}"))
                        .records())
                .isEmpty();
    }
}

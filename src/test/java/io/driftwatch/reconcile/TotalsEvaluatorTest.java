package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tolerance edges, exactness, numeric strings, currencies, keys and the findings cap. */
class TotalsEvaluatorTest {

    private static TotalsRule simple(String equals, String tolerance) {
        return new TotalsRule(
                "edge",
                null,
                null,
                "$.lines[*]",
                null,
                null,
                equals,
                tolerance == null ? null : new BigDecimal(tolerance),
                null);
    }

    private static List<Finding> findings(TotalsRule rule, String json) {
        TotalsEvaluator evaluator = new TotalsEvaluator(rule);
        return TotalsFindings.of("totals[edge]", evaluator, evaluator.evaluate(Fixtures.parse(json)), 50);
    }

    @ParameterizedTest(name = "lines {0}, total {1}, tolerance {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100.00 | 100.01     | 0.01  | pass", // exactly at the tolerance passes
                "100.00 | 99.99      | 0.01  | pass",
                "100.00 | 100.011    | 0.01  | fail", // 0.011 is beyond 0.01
                "100.00 | 99.989     | 0.01  | fail",
                "100.005 | 100.01    | 0.01  | pass", // a half cent rounded up by the vendor
                "100.005 | 100.01    | 0.005 | pass", // exactly half a cent at tolerance 0.005
                "100.005 | 100.01    | 0.004 | fail",
                "100.0049 | 100.01   | 0.005 | fail", // 0.0051 beyond half a cent
                "100.00 | 100.00     | 0     | pass",
                "100.00 | 100.001    | 0     | fail",
            })
    void toleranceIsInclusiveAndExact(String line, String total, String tolerance, String verdict) {
        List<Finding> findings =
                findings(simple("$.total", tolerance), "{'lines':[" + line + "],'total':" + total + "}");
        assertThat(findings).hasSize(verdict.equals("pass") ? 0 : 1);
    }

    @Test
    void offByMoreThanTheToleranceStatesTheBreachBothWays() {
        assertThat(findings(simple("$.total", null), "{'lines':[60.00, 40.00],'total':100.011}"))
                .extracting(Finding::message)
                .containsExactly("payload: lines 100.00 = 100.00, total 100.011 (delta 0.011 > 0.01)");
        assertThat(findings(simple("$.total", null), "{'lines':[60.00, 40.00],'total':99.989}"))
                .extracting(Finding::message)
                .containsExactly("payload: lines 100.00 = 100.00, total 99.989 (delta -0.011 < -0.01)");
    }

    @Test
    void sumsAreExactWhereDoublesWouldDrift() {
        // In double, 0.29 - (0.1 + 0.2) is -0.010000000000000064: beyond 0.01. Exactly, it is -0.01.
        assertThat(findings(simple("$.total", null), "{'lines':[0.1, 0.2],'total':0.29}"))
                .isEmpty();
        // Cents survive on amounts a double cannot hold (17 significant digits).
        assertThat(findings(
                        simple("$.total", null), "{'lines':[12345678901234567.89, 0.01],'total':12345678901234567.93}"))
                .extracting(Finding::message)
                .containsExactly("payload: lines 12345678901234567.90 = 12345678901234567.90,"
                        + " total 12345678901234567.93 (delta 0.03 > 0.01)");
    }

    @Test
    void numericStringsCountAndWordsAreReported() {
        assertThat(findings(simple("$.total", null), "{'lines':['60.00', 40],'total':' 100.00 '}"))
                .isEmpty();
        assertThat(findings(simple("$.total", null), "{'Id':'7','lines':['60.00', 'sixty'],'total':100}"))
                .extracting(Finding::message, Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "payload 7: cannot check totals: $.lines[*] matched \"sixty\", not a number", Level.FAIL));
        assertThat(findings(simple("$.total", null), "{'lines':[{'a':1}],'total':1}"))
                .extracting(Finding::message)
                .containsExactly("payload: cannot check totals: $.lines[*] matched an object, not a number");
        assertThat(findings(simple("$.total", null), "{'lines':[true],'total':1}"))
                .extracting(Finding::message)
                .containsExactly("payload: cannot check totals: $.lines[*] matched true, not a number");
    }

    @Test
    void aMissingStatedTotalIsReportedNullsAndMissingComponentsCountAsNothing() {
        assertThat(findings(simple("$.total", null), "{'lines':[1.00]}"))
                .extracting(Finding::message)
                .containsExactly("payload: cannot check totals: $.total matched no number");
        assertThat(findings(simple("$.total", null), "{'lines':[1.00, null],'total':1.00}"))
                .isEmpty();
        assertThat(findings(simple("0", null), "{'nothing':[]}")).isEmpty();
    }

    @Test
    void aConstantRightHandSide() {
        TotalsRule balance = new TotalsRule(
                "ledger", null, null, "$.debits[*]", "$.credits[*]", null, "0", new BigDecimal("0.00"), null);
        assertThat(findings(balance, "{'debits':[10.00, 5.00],'credits':[15.00]}"))
                .isEmpty();
        assertThat(findings(balance, "{'debits':[10.00, 5.00],'credits':[14.98]}"))
                .extracting(Finding::message)
                .containsExactly("payload: debits 15.00 - credits 14.98 = 0.02, equals 0 (delta -0.02 < 0.00)");
    }

    @Test
    void eachRecordStatesItsOwnCurrency() {
        TotalsRule perRecord = new TotalsRule(
                "per-record", "$.orders[*]", "$.ref", "$.items[*]", null, null, "$.total", null, "$.currency");
        String json = "{'orders':["
                + "{'ref':'A','currency':'USD','items':[10.00],'total':10.00},"
                + "{'ref':'B','currency':'EUR','items':[10.00],'total':10.05},"
                + "{'ref':'C','currency':['USD','EUR'],'items':[10.00],'total':10.00}]}";

        List<Finding> found = findings(perRecord, json);

        assertThat(found)
                .extracting(Finding::message, Finding::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "orders B (EUR): items 10.00 = 10.00, total 10.05 (delta 0.05 > 0.01)", Level.FAIL),
                        org.assertj.core.groups.Tuple.tuple(
                                "orders C: amounts in USD, EUR are never summed together; totals not checked",
                                Level.WARN));
        assertThat(found.get(1).evidence()).containsEntry("mismatch", "currency");
    }

    @Test
    void amountsAcrossRecordsInDifferentCurrenciesAreNeverSummed() {
        TotalsRule acrossPage = new TotalsRule(
                "page-total",
                null,
                null,
                "$.QueryResponse.Invoice[*].TotalAmt",
                null,
                null,
                "$.pageTotal",
                null,
                "$.QueryResponse.Invoice[*].CurrencyRef.value");
        // The shipped page mixes USD invoices with one CAD invoice.
        TotalsEvaluator evaluator = new TotalsEvaluator(acrossPage);
        TotalsOutcome outcome = evaluator.evaluate(Fixtures.json("qbo-invoice-query-page.json"));

        assertThat(TotalsFindings.of("totals[page-total]", evaluator, outcome, 50))
                .extracting(Finding::message, Finding::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "payload: amounts in USD, CAD are never summed together; totals not checked", Level.WARN));
        assertThat(outcome.records().get(0).expected()).as("no number at all").isNull();
    }

    @Test
    void keysFallBackToIdThenToPosition() {
        TotalsRule rule = new TotalsRule("keys", "$.rows[*]", "$.DocNumber", "$.a", null, null, "$.b", null, null);
        String json = "{'rows':[{'DocNumber':'D1','Id':'1','a':1,'b':2},{'Id':'2','a':1,'b':2},{'a':1,'b':2}]}";
        assertThat(findings(rule, json))
                .extracting(f -> f.evidence().get("record"))
                .containsExactly("D1", "2", "#2");
    }

    @Test
    void tenThousandBadRecordsRaiseFiftyFindingsAndASummary() {
        StringBuilder json = new StringBuilder("{'rows':[");
        for (int i = 0; i < 10_000; i++)
            json.append(i == 0 ? "" : ",").append("{'Id':'").append(i).append("','a':1.00,'b':1.02}");
        TotalsRule rule = new TotalsRule("flood", "$.rows[*]", null, "$.a", null, null, "$.b", null, null);

        List<Finding> found = findings(rule, json.append("]}").toString());

        assertThat(found).hasSize(51);
        assertThat(found.get(49).message()).isEqualTo("rows 49: a 1.00 = 1.00, b 1.02 (delta 0.02 > 0.01)");
        Finding summary = found.get(50);
        assertThat(summary.message())
                .isEqualTo("9950 more rows records not listed: 10000 of 10000 checked have problems"
                        + " (10000 off, 0 unreadable, 0 mixed-currency)");
        assertThat(summary.level()).isEqualTo(Level.FAIL);
        assertThat(summary.evidence()).containsEntry("omitted", "9950").containsEntry("largestAbsDelta", "0.02");
    }

    @Test
    void invalidRulesAreRejectedWithEveryProblem() {
        TotalsRule bad =
                new TotalsRule("bad", "$.[", null, null, "$.a[?(@.x ==", null, "abc", new BigDecimal("-0.01"), null);

        assertThat(TotalsEvaluator.problems(bad))
                .hasSize(5)
                .contains(
                        "sum: required",
                        "equals: 'abc' is neither a JSONPath (starting with $) nor a number",
                        "tolerance: must not be negative, got -0.01")
                .anySatisfy(p -> assertThat(p).startsWith("records: invalid JSONPath '$.[': "))
                .anySatisfy(p -> assertThat(p).startsWith("minus: invalid JSONPath '$.a[?(@.x ==': "));
        assertThatThrownBy(() -> new TotalsEvaluator(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("totals rule 'bad': sum: required; ");
        assertThat(TotalsEvaluator.problems(simple("$.total", null))).isEmpty();
    }
}

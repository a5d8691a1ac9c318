package io.driftwatch.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.finding.Finding;
import io.driftwatch.reconcile.ExactJson;
import io.driftwatch.reconcile.QuickBooksInvoiceRule;
import io.driftwatch.reconcile.ReconcileReport;
import io.driftwatch.reconcile.Reconciler;
import io.driftwatch.reconcile.SidePaths;
import io.driftwatch.reconcile.TotalsEvaluator;
import io.driftwatch.reconcile.TotalsFindings;
import io.driftwatch.reconcile.TotalsOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * 10,000-record reconciliation: the QuickBooks totals rule over a 10,000-invoice page, and a 10,000 vs
 * 10,000 Salesforce-to-QuickBooks join; each with and without parsing the JSON. 1% of the records are
 * off, so findings (capped at 50 + summary) are built too. Results: docs/benchmarks/reconcile.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ReconcileBenchmark {

    static final int RECORDS = 10_000;

    byte[] pageBytes;
    byte[] opportunityBytes;
    JsonNode page;
    List<JsonNode> invoices;
    List<JsonNode> opportunities;
    TotalsEvaluator totals;
    SidePaths salesforce;
    SidePaths quickbooks;
    Reconciler reconciler;

    @Setup
    public void setUp() throws IOException {
        // As in production (logback.xml at INFO): JSONPath logs every evaluation at DEBUG.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        pageBytes = invoicePage().getBytes(StandardCharsets.UTF_8);
        opportunityBytes = opportunities().getBytes(StandardCharsets.UTF_8);
        page = ExactJson.parse(pageBytes);
        invoices = select(page.get("QueryResponse").get("Invoice"));
        opportunities = select(ExactJson.parse(opportunityBytes).get("records"));
        totals = new TotalsEvaluator(QuickBooksInvoiceRule.rule("lines-vs-total", QuickBooksInvoiceRule.QUERY_RECORDS));
        salesforce = SidePaths.compile("$.External_Id__c", "$.Amount", "$.CurrencyIsoCode");
        quickbooks = SidePaths.compile(
                "$.CustomField[?(@.Name == 'External Id')].StringValue", "$.TotalAmt", "$.CurrencyRef.value");
        reconciler = new Reconciler(new BigDecimal("0.01"));
    }

    @Benchmark
    public List<Finding> totalsOverPage() {
        TotalsOutcome outcome = totals.evaluate(page);
        return TotalsFindings.of("totals[lines-vs-total]", totals, outcome, 50);
    }

    @Benchmark
    public List<Finding> totalsParseAndEvaluate() throws IOException {
        TotalsOutcome outcome = totals.evaluate(ExactJson.parse(pageBytes));
        return TotalsFindings.of("totals[lines-vs-total]", totals, outcome, 50);
    }

    @Benchmark
    public List<Finding> reconcileJoin() {
        ReconcileReport report =
                reconciler.reconcile("salesforce", opportunities, salesforce, "quickbooks", invoices, quickbooks);
        return report.toFindings("sf-vs-qbo");
    }

    @Benchmark
    public List<Finding> reconcileParseAndJoin() throws IOException {
        List<JsonNode> sf = select(ExactJson.parse(opportunityBytes).get("records"));
        List<JsonNode> qbo =
                select(ExactJson.parse(pageBytes).get("QueryResponse").get("Invoice"));
        return reconciler
                .reconcile("salesforce", sf, salesforce, "quickbooks", qbo, quickbooks)
                .toFindings("sf-vs-qbo");
    }

    private static List<JsonNode> select(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** Invoices of three item lines, a subtotal, a 10% discount and 8% tax; every 100th is off by 0.02. */
    static String invoicePage() {
        StringBuilder json = new StringBuilder(RECORDS * 1200).append("{\"QueryResponse\":{\"Invoice\":[");
        for (int i = 0; i < RECORDS; i++) {
            BigDecimal a = new BigDecimal(10 + i % 90).add(new BigDecimal("0.25"));
            BigDecimal b = new BigDecimal("19.99");
            BigDecimal c = new BigDecimal("5.00");
            BigDecimal lines = a.add(b).add(c);
            BigDecimal discount = lines.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal tax = lines.subtract(discount)
                    .multiply(new BigDecimal("0.08"))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal total = lines.subtract(discount).add(tax);
            if (i % 100 == 7) total = total.add(new BigDecimal("0.02"));
            json.append(i == 0 ? "" : ",")
                    .append("{\"Id\":\"")
                    .append(1000 + i)
                    .append("\",\"DocNumber\":\"")
                    .append(1000 + i)
                    .append("\",\"CustomField\":[{\"DefinitionId\":\"1\",\"Name\":\"External Id\",")
                    .append("\"Type\":\"StringType\",\"StringValue\":\"OPP-")
                    .append(i)
                    .append("\"}],\"CurrencyRef\":{\"value\":\"USD\",\"name\":\"United States Dollar\"},\"Line\":[")
                    .append(line(1, a, "Pavers"))
                    .append(',')
                    .append(line(2, b, "Edging"))
                    .append(',')
                    .append(line(3, c, "Shipping"))
                    .append(",{\"Amount\":")
                    .append(lines)
                    .append(",\"DetailType\":\"SubTotalLineDetail\",\"SubTotalLineDetail\":{}},{\"Amount\":")
                    .append(discount)
                    .append(",\"DetailType\":\"DiscountLineDetail\",\"DiscountLineDetail\":{\"PercentBased\":true,")
                    .append("\"DiscountPercent\":10}}],\"TxnTaxDetail\":{\"TotalTax\":")
                    .append(tax)
                    .append("},\"TotalAmt\":")
                    .append(total)
                    .append(",\"Balance\":")
                    .append(total)
                    .append('}');
        }
        return json.append("],\"startPosition\":1,\"maxResults\":")
                .append(RECORDS)
                .append("}}")
                .toString();
    }

    private static String line(int n, BigDecimal amount, String item) {
        return "{\"Id\":\"" + n + "\",\"LineNum\":" + n + ",\"Description\":\"" + item + "\",\"Amount\":" + amount
                + ",\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"" + n
                + "\",\"name\":\"" + item + "\"},\"UnitPrice\":" + amount + ",\"Qty\":1,\"TaxCodeRef\":{\"value\":"
                + "\"TAX\"}}}";
    }

    /** Closed-won opportunities matching the invoices' stated totals, except every 100th (the off ones). */
    static String opportunities() {
        StringBuilder json =
                new StringBuilder(RECORDS * 300).append("{\"totalSize\":").append(RECORDS);
        json.append(",\"done\":true,\"records\":[");
        for (int i = 0; i < RECORDS; i++) {
            BigDecimal lines = new BigDecimal(10 + i % 90).add(new BigDecimal("25.24"));
            BigDecimal discount = lines.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal net = lines.subtract(discount);
            BigDecimal total =
                    net.add(net.multiply(new BigDecimal("0.08")).setScale(2, java.math.RoundingMode.HALF_UP));
            json.append(i == 0 ? "" : ",")
                    .append("{\"attributes\":{\"type\":\"Opportunity\",\"url\":\"/services/data/v66.0/sobjects/")
                    .append("Opportunity/006")
                    .append(i)
                    .append("\"},\"Id\":\"006")
                    .append(i)
                    .append("\",\"StageName\":\"Closed Won\",\"IsWon\":true,\"Amount\":")
                    .append(total)
                    .append(",\"CurrencyIsoCode\":\"USD\",\"External_Id__c\":\"OPP-")
                    .append(i)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}

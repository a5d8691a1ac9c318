package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.http.Exchange;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.probe.checks.TotalsCheck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TotalsCheckTest {

    private static final ProbeDefinition PROBE =
            new ProbeDefinition("qbo-invoices", null, "quickbooks", null, null, null, null, null, null, null);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-02T16:20:11Z"), ZoneOffset.UTC);

    private static CheckContext context(byte[] body, Optional<JsonNode> json) {
        Exchange exchange = new Exchange(
                CLOCK.instant(),
                "GET",
                "http://127.0.0.1/v3/company/1/query",
                200,
                Map.of(),
                body,
                body.length,
                1,
                1,
                1,
                null,
                null,
                null);
        return new CheckContext(PROBE, exchange, json, CLOCK);
    }

    /** The tree as ProbeRunner builds it: parsed once with ExactJson (see ProbeRunnerExactJsonTest). */
    private static CheckContext parsedByDefaultMapper(byte[] body) throws Exception {
        return context(body, Optional.of(ExactJson.mapper().readTree(body)));
    }

    @Test
    void flagsTheOffInvoiceOfAQueryPageAndRecordsStats() throws Exception {
        List<String> seen = new ArrayList<>();
        ReconcileStats stats = new ReconcileStats(seen::add);
        TotalsCheck check = new TotalsCheck(
                0, QuickBooksInvoiceRule.rule("lines-vs-total", QuickBooksInvoiceRule.QUERY_RECORDS), stats, 50);

        List<Finding> findings = check.evaluate(parsedByDefaultMapper(Fixtures.bytes("qbo-invoice-query-page.json")));

        assertThat(check.name()).isEqualTo("totals[lines-vs-total]");
        assertThat(findings).extracting(Finding::check).containsExactly("totals[lines-vs-total]");
        assertThat(findings.get(0).message()).startsWith("Invoice 1037 (USD): ");
        assertThat(seen).containsExactly("qbo-invoices/lines-vs-total");
        assertThat(stats.largestDelta("qbo-invoices/lines-vs-total")).isEqualTo(0.02);
        assertThat(stats.mismatches("qbo-invoices/lines-vs-total", MismatchKind.TOTALS))
                .isEqualTo(1);
        assertThat(stats.mismatches("qbo-invoices/lines-vs-total", MismatchKind.INVALID))
                .isZero();
    }

    @Test
    void readsAmountsFromTheBodyExactlyNotFromTheRunnersDoubles() throws Exception {
        // As doubles both sides collapse to 1.2345678901234568E16 and the 0.03 gap disappears.
        byte[] body = "{\"lines\":[12345678901234567.89, 0.01],\"total\":12345678901234567.93}"
                .getBytes(StandardCharsets.UTF_8);
        TotalsCheck check =
                new TotalsCheck(3, new TotalsRule(null, null, null, "$.lines[*]", null, null, "$.total", null, null));

        assertThat(check.name()).isEqualTo("totals[3]");
        assertThat(check.evaluate(parsedByDefaultMapper(body)))
                .extracting(f -> f.evidence().get("delta"))
                .containsExactly("0.03");
    }

    @Test
    void usesTheRunnersTreeWhenTheBodyWasNotKeptAndNothingWhenItWasNotJson() throws Exception {
        TotalsCheck check = new TotalsCheck(0, new TotalsRule("t", null, null, "$.a", null, null, "$.b", null, null));
        JsonNode tree = ExactJson.parse("{\"a\":1.00,\"b\":1.05}");

        assertThat(check.evaluate(context(new byte[0], Optional.of(tree)))).hasSize(1);
        assertThat(check.evaluate(context("<html>".getBytes(StandardCharsets.UTF_8), Optional.empty())))
                .isEmpty();
    }
}

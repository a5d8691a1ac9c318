package io.driftwatch.probe.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.config.Assertion;
import io.driftwatch.finding.Finding;
import io.driftwatch.probe.CheckContext;
import io.driftwatch.support.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssertionCheckTest {
    static final String BODY = """
            {"Invoice":{"DocNumber":"1037","TotalAmt":145.80,"Line":[{"Amount":100},{"Amount":50.5}],
             "CustomerRef":{"value":"7"},"Balance":"12.50","Note":null}}""";

    private static List<Finding> eval(Assertion a) throws Exception {
        JsonNode json = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(BODY);
        var probe = Fixtures.probe("p", Fixtures.expect(null, null, List.of(a)));
        var ctx = new CheckContext(
                probe, Fixtures.response(200, "application/json", BODY, 10), Optional.of(json), Clock.systemUTC());
        return new AssertionCheck(0, a).evaluate(ctx);
    }

    private static Assertion a(
            String path, Boolean exists, JsonNode eq, String re, String lt, String gt, Integer len, String type) {
        return new Assertion(
                path,
                exists,
                eq,
                re,
                lt == null ? null : new BigDecimal(lt),
                gt == null ? null : new BigDecimal(gt),
                len,
                type);
    }

    @Test
    void existsHoldsAndFails() throws Exception {
        assertThat(eval(a("$.Invoice.DocNumber", true, null, null, null, null, null, null)))
                .isEmpty();
        var f = eval(a("$.Invoice.Missing", true, null, null, null, null, null, null));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("$.Invoice.Missing exists: no match");
            assertThat(x.kind()).isEqualTo("assertion");
            assertThat(x.check()).isEqualTo("assertion[0]");
        });
        assertThat(eval(a("$.Invoice.Missing", false, null, null, null, null, null, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.DocNumber", false, null, null, null, null, null, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.DocNumber does not exist: found \"1037\"");
    }

    @Test
    void equalsComparesNumbersByValue() throws Exception {
        assertThat(eval(a(
                        "$.Invoice.TotalAmt",
                        null,
                        new ObjectMapper().readTree("145.8"),
                        null,
                        null,
                        null,
                        null,
                        null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.DocNumber", null, new TextNode("1037"), null, null, null, null, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.DocNumber", null, new TextNode("1038"), null, null, null, null, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.DocNumber equals \"1038\": was \"1037\"");
    }

    @Test
    void comparisonsMatchesLengthAndType() throws Exception {
        assertThat(eval(a("$.Invoice.TotalAmt", null, null, null, "200", "100", null, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.Balance", null, null, null, null, "12.49", null, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.TotalAmt", null, null, null, "145.80", null, null, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.TotalAmt < 145.80: was 145.8");
        assertThat(eval(a("$.Invoice.DocNumber", null, null, "^\\d+$", null, null, null, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.DocNumber", null, null, "^INV", null, null, null, null)))
                .hasSize(1);
        assertThat(eval(a("$.Invoice.Line", null, null, null, null, null, 2, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.Line[*].Amount", null, null, null, null, null, 2, null)))
                .isEmpty();
        assertThat(eval(a("$.Invoice.Line", null, null, null, null, null, 3, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.Line has length 3: length is 2");
        assertThat(eval(a("$.Invoice.Line", null, null, null, null, null, null, "array")))
                .isEmpty();
        assertThat(eval(a("$.Invoice.Line[0].Amount", null, null, null, null, null, null, "number")))
                .isEmpty();
        assertThat(eval(a("$.Invoice.Note", null, null, null, null, null, null, "null")))
                .isEmpty();
        assertThat(eval(a("$.Invoice.TotalAmt", null, null, null, null, null, null, "string")))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.TotalAmt is string: was number");
    }

    @Test
    void everyMatchMustHold() throws Exception {
        assertThat(eval(a("$.Invoice.Line[*].Amount", null, null, null, null, "60", null, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.Line[*].Amount > 60: was 50.5");
        assertThat(eval(a("$.Invoice.Nothing[*]", null, new IntNode(1), null, null, null, null, null)))
                .singleElement()
                .extracting(Finding::message)
                .isEqualTo("$.Invoice.Nothing[*] equals 1: no match");
    }
}

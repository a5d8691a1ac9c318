package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.testing.MutableClock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QboApiTest {
    @TempDir
    static Path keys;

    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;
    private SandboxClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().clock(clock).keyDirectory(keys).build());
        client = new SandboxClient(sandbox);
        token = client.qboAccessToken();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> query(String statement) {
        return client.qbo(
                token, "/query?minorversion=75&query=" + URLEncoder.encode(statement, StandardCharsets.UTF_8));
    }

    @Test
    void knownInvoiceHasEveryLineKindAndReconciles() {
        HttpResponse<String> r = client.qbo(token, "/invoice/130?minorversion=75");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("intuit_tid")).isPresent();
        JsonNode body = json(r);
        assertThat(body.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}-0[78]:00");
        JsonNode inv = body.get("Invoice");
        assertThat(inv.get("Id").asText()).isEqualTo("130");
        assertThat(inv.get("DocNumber").asText()).isEqualTo("1037");
        assertThat(inv.get("Line").findValuesAsText("DetailType"))
                .containsExactly(
                        "SalesItemLineDetail",
                        "SalesItemLineDetail",
                        "SalesItemLineDetail",
                        "SubTotalLineDetail",
                        "DiscountLineDetail");
        assertThat(inv.at("/TxnTaxDetail/TaxLine/0/DetailType").asText()).isEqualTo("TaxLineDetail");
        assertReconciles(inv);
    }

    @Test
    void everyInvoiceReconcilesAndSubtotalDuplicatesTheSalesLines() {
        JsonNode invoices = json(query("SELECT * FROM Invoice MAXRESULTS 1000")).at("/QueryResponse/Invoice");
        assertThat(invoices.size()).isEqualTo(40);
        for (JsonNode inv : invoices) assertReconciles(inv);
    }

    static void assertReconciles(JsonNode inv) {
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal subtotal = null;
        for (JsonNode line : inv.get("Line")) {
            switch (line.get("DetailType").asText()) {
                case "SalesItemLineDetail" -> {
                    JsonNode d = line.get("SalesItemLineDetail");
                    assertThat(line.get("Amount").decimalValue())
                            .isEqualByComparingTo(d.get("UnitPrice")
                                    .decimalValue()
                                    .multiply(d.get("Qty").decimalValue()));
                    sales = sales.add(line.get("Amount").decimalValue());
                }
                case "DiscountLineDetail" ->
                    discount = discount.add(line.get("Amount").decimalValue());
                case "SubTotalLineDetail" -> subtotal = line.get("Amount").decimalValue();
                default -> throw new AssertionError("unexpected line " + line);
            }
        }
        assertThat(subtotal).isEqualByComparingTo(sales);
        BigDecimal tax = inv.at("/TxnTaxDetail/TotalTax").decimalValue();
        assertThat(inv.get("TotalAmt").decimalValue())
                .isEqualByComparingTo(sales.subtract(discount).add(tax));
    }

    @Test
    void queryPagesWithStartPositionAndMaxResults() {
        JsonNode page = json(query("select * from Invoice ORDERBY Id DESC STARTPOSITION 3 MAXRESULTS 5"))
                .get("QueryResponse");
        assertThat(page.get("startPosition").asInt()).isEqualTo(3);
        assertThat(page.get("maxResults").asInt()).isEqualTo(5);
        assertThat(ids(page.get("Invoice"))).containsExactly("167", "166", "165", "164", "163");
    }

    @Test
    void whereFiltersAndCountCounts() {
        JsonNode one =
                json(query("SELECT * FROM Invoice WHERE DocNumber = '1040'")).at("/QueryResponse/Invoice");
        assertThat(ids(one)).containsExactly("133");

        JsonNode count = json(query("SELECT count(*) FROM Invoice WHERE CustomerRef = '1' AND TotalAmt > '0'"));
        assertThat(count.at("/QueryResponse/totalCount").asInt()).isEqualTo(7);

        JsonNode none = json(query("SELECT * FROM Invoice WHERE DocNumber = 'nope'"));
        assertThat(none.get("QueryResponse").isEmpty()).isTrue();
    }

    @Test
    void badQueriesGetAValidationFault() {
        HttpResponse<String> or = query("SELECT * FROM Invoice WHERE Id = '1' OR Id = '2'");
        assertThat(or.statusCode()).isEqualTo(400);
        JsonNode error = json(or).at("/Fault/Error/0");
        assertThat(json(or).at("/Fault/type").asText()).isEqualTo("ValidationFault");
        assertThat(error.get("code").asText()).isEqualTo("4000");
        assertThat(error.get("Detail").asText()).isEqualTo("QueryParserError: OR is not supported; use AND");

        HttpResponse<String> entity = query("SELECT * FROM invoice");
        assertThat(json(entity).at("/Fault/Error/0/Detail").asText())
                .isEqualTo("QueryParserError: Invalid context declaration : invoice");
    }

    @Test
    void unknownInvoiceIsObjectNotFound() {
        HttpResponse<String> r = client.qbo(token, "/invoice/999");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = json(r).at("/Fault/Error/0");
        assertThat(error.get("code").asText()).isEqualTo("610");
        assertThat(error.get("Message").asText()).isEqualTo("Object Not Found");
        assertThat(error.get("element").asText()).isEmpty();
    }

    @Test
    void missingOrBadTokenIsTheGatewayAuthenticationFault() {
        HttpResponse<String> r =
                client.get("/v3/company/" + sandbox.credentials().qboRealmId() + "/invoice/130");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("intuit_tid")).isPresent();
        JsonNode body = json(r);
        assertThat(body.get("time").isNumber()).isTrue();
        assertThat(body.at("/fault/type").asText()).isEqualTo("AUTHENTICATION");
        assertThat(body.at("/fault/error/0/message").asText())
                .isEqualTo("message=AuthenticationFailed; errorCode=003200; statusCode=401");
        assertThat(body.at("/fault/error/0/element").isNull()).isTrue();
        assertThat(body.has("Fault")).isFalse();
    }

    @Test
    void anotherRealmIsAuthorizationFailed() {
        HttpResponse<String> r = client.get("/v3/company/123/invoice/130", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).at("/fault/error/0/code").asText()).isEqualTo("3100");
        assertThat(json(r).at("/fault/type").asText()).isEqualTo("SERVICE");
    }

    @Test
    void fault200ComesInBothShapes() {
        sandbox.setScenario(Scenario.of("fault-200"));
        HttpResponse<String> standard = client.qbo(token, "/invoice/130");
        assertThat(standard.statusCode()).isEqualTo(200);
        assertThat(json(standard).at("/Fault/Error/0/code").asText()).isEqualTo("6190");

        sandbox.setScenario(Scenario.of("fault-200", Map.of("shape", "gateway")));
        HttpResponse<String> gateway = client.qbo(token, "/invoice/130");
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(json(gateway).at("/fault/error/0/code").asText()).isEqualTo("6190");
    }

    @Test
    void serverErrorsAreSystemFaults() {
        sandbox.setScenario(Scenario.of("server-errors", Map.of("status", "503", "every", "2")));
        assertThat(client.qbo(token, "/invoice/130").statusCode()).isEqualTo(200);
        HttpResponse<String> failed = client.qbo(token, "/invoice/130");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).at("/Fault/type").asText()).isEqualTo("SystemFault");
        assertThat(json(failed).at("/Fault/Error/0/code").asText()).isEqualTo("10000");
    }

    @Test
    void throttleStormInJsonAndXml() {
        sandbox.setScenario(Scenario.of("throttle-storm", Map.of("vendor", "quickbooks")));
        HttpResponse<String> r = client.qbo(token, "/invoice/130");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body())
                .startsWith("{\"Fault\":{\"Error\":[{\"Message\":\"message=ThrottleExceeded; errorCode=003001;"
                        + " statusCode=429\",\"Detail\":\"The request limit was reached.  Try again later\","
                        + "\"code\":\"3001\",\"element\":\"\"}],\"type\":\"SERVICE\"},\"time\":");

        sandbox.setScenario(Scenario.of("throttle-storm", Map.of("format", "xml")));
        HttpResponse<String> xml = client.qbo(token, "/invoice/130");
        assertThat(xml.headers().firstValue("content-type")).hasValue("application/xml");
        assertThat(xml.body()).contains("<Fault type=\"SERVICE\"><Error code=\"3001\" element=\"\">");
    }

    @Test
    void htmlErrorPageInsteadOfJson() {
        sandbox.setScenario(Scenario.of("html-error"));
        HttpResponse<String> r = client.qbo(token, "/invoice/130");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<title>503 Service Unavailable</title>");
    }

    @Test
    void unsupportedResourceIsAFault() {
        HttpResponse<String> r = client.qbo(token, "/customer/1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/Fault/Error/0/Detail").asText())
                .isEqualTo("Operation GET customer/1 is not supported.");
    }

    static java.util.List<String> ids(JsonNode records) {
        var out = new java.util.ArrayList<String>();
        for (JsonNode r : records) out.add(r.get("Id").asText());
        return out;
    }
}

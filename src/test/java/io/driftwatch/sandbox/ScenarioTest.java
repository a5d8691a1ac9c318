package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.testing.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @TempDir
    static Path keys;

    private final MutableClock clock = new MutableClock();
    private final GateSleeper sleeper = new GateSleeper();
    private Sandbox sandbox;
    private SandboxClient client;

    private void start(List<Scenario> scenarios) throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder()
                .clock(clock)
                .sleeper(sleeper)
                .keyDirectory(keys)
                .scenarios(scenarios)
                .build());
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    private HttpResponse<String> admin(String method, String body) {
        var b = client.request("/__admin/scenario");
        b = switch (method) {
            case "POST" -> b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            case "DELETE" -> b.DELETE();
            default -> b.GET();
        };
        return client.send(b.build());
    }

    @Test
    void adminEndpointListsSwitchesAndResets() throws Exception {
        start(List.of());
        JsonNode listing = json(admin("GET", null));
        assertThat(listing.get("active").size()).isZero();
        assertThat(listing.get("available").findValuesAsText("scenario"))
                .containsExactly(
                        "added-latency",
                        "field-removed",
                        "field-retyped",
                        "object-to-array",
                        "totals-off",
                        "throttle-storm",
                        "revoked-token",
                        "server-errors",
                        "html-error",
                        "hang",
                        "fault-200",
                        "quota-usage");

        HttpResponse<String> on = admin("POST", "{\"scenario\":\"added-latency\",\"params\":{\"millis\":400}}");
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(json(on).get("active").toString())
                .isEqualTo("[{\"scenario\":\"added-latency\",\"params\":{\"millis\":\"400\"}}]");
        admin("POST", "{\"scenario\":\"totals-off\"}");
        assertThat(sandbox.activeScenarios()).extracting(Scenario::name).containsExactly("added-latency", "totals-off");

        HttpResponse<String> one = client.delete("/__admin/scenario/added-latency");
        assertThat(json(one).get("active").findValuesAsText("scenario")).containsExactly("totals-off");
        assertThat(json(admin("DELETE", null)).get("active").size()).isZero();
        assertThat(client.delete("/__admin/scenario/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void adminEndpointRejectsBadInputWithExactMessages() throws Exception {
        start(List.of());
        HttpResponse<String> unknown = admin("POST", "{\"scenario\":\"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText())
                .isEqualTo("unknown scenario: nope (known: added-latency, field-removed, field-retyped,"
                        + " object-to-array, totals-off, throttle-storm, revoked-token, server-errors, html-error,"
                        + " hang, fault-200, quota-usage)");
        assertThat(json(admin("POST", "{\"scenario\":\"added-latency\",\"params\":{\"millis\":\"soon\"}}"))
                        .get("error")
                        .asText())
                .isEqualTo("added-latency: millis must be a whole number, got soon");
        assertThat(json(admin("POST", "{\"scenario\":\"server-errors\",\"params\":{\"status\":200}}"))
                        .get("error")
                        .asText())
                .isEqualTo("server-errors: status must be between 400 and 599, got 200");
        assertThat(json(admin("POST", "{\"scenario\":\"hang\",\"params\":{\"vendor\":\"stripe\"}}"))
                        .get("error")
                        .asText())
                .isEqualTo("unknown vendor: stripe (quickbooks, salesforce, smarty, jobs)");
        assertThat(admin("POST", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void commandLineFormParsesParamsAndVendorLists() {
        Scenario s = Scenario.parse("added-latency:millis=400,vendor=quickbooks+smarty");
        assertThat(s.kind()).isEqualTo(ScenarioKind.ADDED_LATENCY);
        assertThat(s.params()).containsExactly(Map.entry("millis", "400"), Map.entry("vendor", "quickbooks,smarty"));
        assertThat(s.appliesTo(SandboxVendor.SMARTY)).isTrue();
        assertThat(s.appliesTo(SandboxVendor.SALESFORCE)).isFalse();
        assertThat(Scenario.parse("fault-200").appliesTo(SandboxVendor.SALESFORCE))
                .isFalse();
        assertThatThrownBy(() -> Scenario.parse("hang:millis"))
                .hasMessage("scenario parameter must be key=value: millis");
    }

    @Test
    void addedLatencyWaitsOnTheInjectedSleeperForTheChosenVendorsOnly() throws Exception {
        start(List.of(Scenario.parse("added-latency:millis=400,vendor=jobs")));
        String key = sandbox.credentials().jobsApiKey();
        assertThat(client.get("/jobs?limit=1", "X-Api-Key", key).statusCode()).isEqualTo(200);
        client.get("/services/data/");
        assertThat(sleeper.requested()).containsExactly(Duration.ofMillis(400));
    }

    @Test
    void schemaAndTotalsDriftOnQuickBooksInvoices() throws Exception {
        start(List.of());
        String token = client.qboAccessToken();
        JsonNode before = json(client.qbo(token, "/invoice/130")).get("Invoice");

        sandbox.setScenario(Scenario.of("field-removed"));
        sandbox.setScenario(Scenario.of("field-retyped"));
        sandbox.setScenario(Scenario.of("object-to-array"));
        sandbox.setScenario(Scenario.of("totals-off"));
        HttpResponse<String> r = client.qbo(token, "/invoice/130");
        JsonNode after = json(r).get("Invoice");

        assertThat(after.has("DocNumber")).isFalse();
        assertThat(after.get("TotalAmt").isTextual()).isTrue();
        assertThat(new BigDecimal(after.get("TotalAmt").asText()))
                .isEqualByComparingTo(before.get("TotalAmt").decimalValue().add(new BigDecimal("0.02")));
        assertThat(after.get("CustomerRef").isArray()).isTrue();
        assertThat(after.get("CustomerRef").get(0)).isEqualTo(before.get("CustomerRef"));

        String query = URLEncoder.encode("select * from Invoice", StandardCharsets.UTF_8);
        JsonNode listed = json(client.qbo(token, "/query?query=" + query)).at("/QueryResponse/Invoice/0");
        assertThat(listed.has("DocNumber")).isFalse();
    }

    @Test
    void driftOnOtherVendorsAndParamsOverrideTheField() throws Exception {
        start(List.of(
                Scenario.parse("field-removed:vendor=salesforce"),
                Scenario.parse("object-to-array:vendor=smarty"),
                Scenario.parse("field-retyped:vendor=jobs,field=customer.id"),
                Scenario.parse("totals-off:vendor=jobs,delta=-1.00")));
        String sf = client.sfAccessToken(clock.instant());
        JsonNode opp = json(client.sf(sf, "/services/data/v65.0/query?q=SELECT+Id,Amount+FROM+Opportunity+LIMIT+1"))
                .at("/records/0");
        assertThat(opp.has("Amount")).isFalse();
        assertThat(opp.has("Id")).isTrue();

        var c = sandbox.credentials();
        JsonNode candidate = json(client.get("/street-address?auth-id=" + c.smartyAuthId() + "&auth-token="
                        + c.smartyAuthToken() + "&street=1600+Amphitheatre+Pkwy&zipcode=94043"))
                .get(0);
        assertThat(candidate.get("components").isArray()).isTrue();

        HttpResponse<String> jobs = client.get("/jobs?limit=1", "X-Api-Key", c.jobsApiKey());
        JsonNode job = json(jobs).get(0);
        assertThat(job.at("/customer/id").asText()).isEqualTo("C-1"); // a string stays a string
        assertThat(jobs.body()).contains("\"amount\":24.00");
    }

    @Test
    void hangHoldsTheRequestUntilTheSandboxStops() throws Exception {
        start(List.of(Scenario.of("hang")));
        var c = sandbox.credentials();
        CompletableFuture<HttpResponse<String>> pending = client.http()
                .sendAsync(
                        client.request("/jobs", "X-Api-Key", c.jobsApiKey())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.stats().jobsRequests() == 1);
        assertThat(pending).isNotDone();

        sandbox.close();
        sandbox = null;
        assertThatThrownBy(pending::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aBoundedHangDropsTheConnectionWithoutAnAnswer() throws Exception {
        start(List.of(Scenario.parse("hang:millis=1")));
        assertThatThrownBy(() -> client.get("/services/data/")).hasCauseInstanceOf(IOException.class);
    }
}

package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.testing.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalesforceDataTest {
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
        token = client.sfAccessToken(clock.instant());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> soql(String q) {
        return client.sf(token, "/services/data/v65.0/query?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    @Test
    void versionsNeedNoAuthAndCarryNoLimitHeader() {
        HttpResponse<String> r = client.get("/services/data/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("sforce-limit-info")).isEmpty();
        JsonNode last = json(r).get(json(r).size() - 1);
        assertThat(last.get("version").asText()).isEqualTo("66.0");
        assertThat(last.get("label").asText()).isEqualTo("Spring '26");
        assertThat(last.get("url").asText()).isEqualTo("/services/data/v66.0");
        assertThat(SfDataHandler.label(65)).isEqualTo("Winter '26");
        assertThat(SfDataHandler.label(31)).isEqualTo("Summer '14");
    }

    @Test
    void limitsCountEveryCallInTheHeaderAndBody() {
        HttpResponse<String> first = client.sf(token, "/services/data/v65.0/limits");
        assertThat(first.headers().firstValue("sforce-limit-info")).hasValue("api-usage=1/15000");
        assertThat(json(first).at("/DailyApiRequests/Max").asLong()).isEqualTo(15000);
        assertThat(json(first).at("/DailyApiRequests/Remaining").asLong()).isEqualTo(14999);
        HttpResponse<String> second = client.sf(token, "/services/data/v65.0/limits");
        assertThat(second.headers().firstValue("sforce-limit-info")).hasValue("api-usage=2/15000");
    }

    @Test
    void missingOrIdleSessionsAreInvalidSessionId() {
        HttpResponse<String> none = client.get("/services/data/v65.0/limits");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body())
                .isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");

        clock.advance(Duration.ofMinutes(119));
        assertThat(client.sf(token, "/services/data/v65.0/limits").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(119)); // the use above extended the session
        assertThat(client.sf(token, "/services/data/v65.0/limits").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertThat(client.sf(token, "/services/data/v65.0/limits").statusCode()).isEqualTo(401);
    }

    @Test
    void revokingEndsSessionsButANewTokenWorks() {
        sandbox.setScenario(Scenario.of("revoked-token", Map.of("vendor", "salesforce")));
        assertThat(client.sf(token, "/services/data/v65.0/limits").statusCode()).isEqualTo(401);
        String fresh = client.sfAccessToken(clock.instant());
        assertThat(client.sf(fresh, "/services/data/v65.0/limits").statusCode()).isEqualTo(200);
    }

    @Test
    void queryMoreWalksEveryRecordOnce() {
        HttpResponse<String> first = soql("SELECT Id, Name, Amount FROM Opportunity");
        JsonNode body = json(first);
        assertThat(body.get("totalSize").asInt()).isEqualTo(2350);
        assertThat(body.get("done").asBoolean()).isFalse();
        assertThat(body.get("records").size()).isEqualTo(2000);
        String next = body.get("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v65\\.0/query/01g[0-9A-Za-z]+-2000");
        var ids = new HashSet<String>();
        body.get("records").forEach(r -> ids.add(r.get("Id").asText()));

        JsonNode second = json(client.sf(token, next));
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.has("nextRecordsUrl")).isFalse();
        assertThat(second.get("records").size()).isEqualTo(350);
        second.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        assertThat(ids).hasSize(2350);
    }

    @Test
    void closedWonRecordsHaveAmountAndExternalId() {
        JsonNode body = json(soql("SELECT Id, Amount, External_Id__c, Account.Name, CloseDate FROM Opportunity"
                + " WHERE StageName = 'Closed Won' AND IsWon = true ORDER BY CloseDate DESC LIMIT 5"));
        assertThat(body.get("totalSize").asInt()).isEqualTo(5);
        assertThat(body.get("done").asBoolean()).isTrue();
        JsonNode r = body.get("records").get(0);
        assertThat(r.at("/attributes/type").asText()).isEqualTo("Opportunity");
        assertThat(r.at("/attributes/url").asText())
                .isEqualTo("/services/data/v65.0/sobjects/Opportunity/"
                        + r.get("Id").asText());
        assertThat(r.get("Id").asText()).hasSize(18).startsWith("006");
        assertThat(r.get("Amount").isNumber()).isTrue();
        assertThat(r.get("External_Id__c").asText()).startsWith("INV-");
        assertThat(r.at("/Account/attributes/type").asText()).isEqualTo("Account");
        assertThat(r.at("/Account/Name").asText()).isNotBlank();
        assertThat(r.fieldNames())
                .toIterable()
                .containsExactly("attributes", "Id", "Amount", "External_Id__c", "Account", "CloseDate");
    }

    @Test
    void countAndNullsAndDateLiterals() {
        JsonNode count = json(soql("SELECT COUNT() FROM Opportunity WHERE Amount = null"));
        assertThat(count.get("totalSize").asInt()).isPositive();
        assertThat(count.get("records").size()).isZero();
        JsonNode recent = json(soql("SELECT Id FROM opportunity WHERE closedate >= LAST_N_DAYS:3"));
        assertThat(recent.get("totalSize").asInt()).isEqualTo(12);
    }

    @Test
    void queryErrorsUseTheErrorArray() {
        HttpResponse<String> field = soql("SELECT Nope FROM Opportunity");
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(json(field).at("/0/errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(json(field).at("/0/message").asText()).startsWith("No such column 'Nope' on entity 'Opportunity'.");
        assertThat(json(soql("SELECT Id FROM Widget")).at("/0/errorCode").asText())
                .isEqualTo("INVALID_TYPE");
        assertThat(json(soql("SELECT Id FROM")).at("/0/errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        HttpResponse<String> locator = client.sf(token, "/services/data/v65.0/query/01gXYZ-2000");
        assertThat(json(locator).at("/0/errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
        HttpResponse<String> version = client.sf(token, "/services/data/v20.0/limits");
        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(version.headers().firstValue("sforce-limit-info")).isPresent();
    }

    @Test
    void exhaustedAllocationIsRequestLimitExceeded() {
        sandbox.setScenario(Scenario.of("quota-usage", Map.of("used", "15000")));
        HttpResponse<String> r = client.sf(token, "/services/data/v65.0/limits");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body())
                .isEqualTo(
                        "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        assertThat(r.headers().firstValue("sforce-limit-info")).hasValue("api-usage=15000/15000");
    }

    @Test
    void quotaScenarioCanSetUsageOrTheRawHeader() {
        sandbox.setScenario(Scenario.of("quota-usage", Map.of("used", "12500", "max", "15000")));
        assertThat(client.sf(token, "/services/data/v65.0/limits").headers().firstValue("sforce-limit-info"))
                .hasValue("api-usage=12500/15000");
        String odd = "api-usage=10018/100000; api-bursts=1/750; per-app-api-usage=17/250(appName=demo)";
        sandbox.setScenario(Scenario.of("quota-usage", Map.of("header", odd)));
        assertThat(client.sf(token, "/services/data/v65.0/limits").headers().firstValue("sforce-limit-info"))
                .hasValue(odd);
    }

    @Test
    void throttleStormAndServerErrors() {
        sandbox.setScenario(Scenario.of("throttle-storm"));
        HttpResponse<String> storm = client.sf(token, "/services/data/v65.0/limits");
        assertThat(storm.statusCode()).isEqualTo(403);
        assertThat(json(storm).at("/0/errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        sandbox.resetScenarios();
        sandbox.setScenario(Scenario.of("server-errors"));
        HttpResponse<String> error = client.sf(token, "/services/data/v65.0/limits");
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(json(error).at("/0/errorCode").asText()).isEqualTo("UNKNOWN_EXCEPTION");
    }
}

package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartyTest {
    @TempDir
    static Path keys;

    static Sandbox sandbox;
    static SandboxClient client;
    static String auth;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().keyDirectory(keys).build());
        client = new SandboxClient(sandbox);
        auth = "auth-id=" + sandbox.credentials().smartyAuthId() + "&auth-token="
                + sandbox.credentials().smartyAuthToken();
    }

    @AfterEach
    void reset() {
        sandbox.resetScenarios();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> lookup(String query) {
        return client.get("/street-address?" + auth + "&" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void knownAddressGetsACandidateWithComponentsMetadataAndAnalysis() {
        HttpResponse<String> r = lookup("street=" + enc("1600 amphitheatre parkway") + "&city=Mountain+View&state=CA"
                + "&candidates=1&match=strict&input_id=a1");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = json(r).get(0);
        assertThat(json(r).size()).isEqualTo(1);
        assertThat(c.get("input_id").asText()).isEqualTo("a1");
        assertThat(c.get("input_index").asInt()).isZero();
        assertThat(c.get("delivery_line_1").asText()).isEqualTo("1600 Amphitheatre Pkwy");
        assertThat(c.get("last_line").asText()).isEqualTo("Mountain View CA 94043-1351");
        assertThat(c.at("/components/zipcode").asText()).isEqualTo("94043");
        assertThat(c.at("/metadata/latitude").isNumber()).isTrue();
        assertThat(c.at("/metadata/county_fips").asText()).isEqualTo("06085");
        assertThat(c.at("/analysis/dpv_match_code").asText()).isEqualTo("Y");
    }

    @Test
    void freeFormStreetWithCommaIsLocatable() {
        JsonNode r = json(lookup("street=" + enc("3214 North University Avenue, Provo, UT 84604")));
        assertThat(r.get(0).get("delivery_line_1").asText()).isEqualTo("3214 N University Ave");
    }

    @Test
    void noMatchIsAnEmptyArray() {
        HttpResponse<String> r = lookup("street=" + enc("1 Nowhere Lane") + "&city=Springfield&state=ZZ&match=strict");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
    }

    @Test
    void invalidMatchModeReturnsAnUnconfirmedCandidate() {
        JsonNode r = json(lookup("street=" + enc("1 Nowhere Lane") + "&zipcode=99999&match=invalid"));
        assertThat(r.get(0).at("/analysis/dpv_match_code").asText()).isEqualTo("N");
    }

    @Test
    void batchGroupsCandidatesByInputIndex() {
        String body = "[{\"street\":\"1 Nowhere Lane\",\"zipcode\":\"99999\"},"
                + "{\"street\":\"1060 W Addison St\",\"city\":\"Chicago\",\"state\":\"IL\",\"input_id\":\"wrigley\"},"
                + "{\"street\":\"1600 Amphitheatre Pkwy\",\"zipcode\":\"94043\"}]";
        HttpResponse<String> r = client.post("/street-address?" + auth, "application/json; charset=utf-8", body);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode arr = json(r);
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("input_index").asInt()).isEqualTo(1);
        assertThat(arr.get(0).get("input_id").asText()).isEqualTo("wrigley");
        assertThat(arr.get(1).get("input_index").asInt()).isEqualTo(2);
    }

    @Test
    void statusCodesCarryTheErrorsShape() {
        HttpResponse<String> unauthorized = client.get("/street-address?auth-id=x&auth-token=y&street=1+Main");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json(unauthorized).at("/errors/0/message").asText()).startsWith("Unauthorized:");

        var c = sandbox.credentials();
        HttpResponse<String> lapsed = client.get("/street-address?auth-id=" + c.smartyLapsedAuthId() + "&auth-token="
                + c.smartyLapsedAuthToken() + "&street=1+Main&zipcode=94043");
        assertThat(lapsed.statusCode()).isEqualTo(402);
        assertThat(json(lapsed).at("/errors/0/message").asText())
                .isEqualTo("Payment Required: There is no active subscription for the account associated with the"
                        + " credentials submitted with the request.");

        assertThat(lookup("city=Provo").statusCode()).isEqualTo(400);
        assertThat(lookup("street=1+Main").statusCode()).isEqualTo(422);
        assertThat(client.post("/street-address?" + auth, "application/json", "[{")
                        .statusCode())
                .isEqualTo(400);
        String tooMany = "[" + "{\"street\":\"1 Main\",\"zipcode\":\"94043\"},".repeat(100) + "{\"street\":\"x\"}]";
        HttpResponse<String> big = client.post("/street-address?" + auth, "application/json", tooMany);
        assertThat(big.statusCode()).isEqualTo(413);
    }

    @Test
    void throttleStormIs429WithRetryAfter() {
        sandbox.setScenario(Scenario.of("throttle-storm", Map.of("retryAfter", "7")));
        HttpResponse<String> r = lookup("street=" + enc("1600 Amphitheatre Pkwy") + "&zipcode=94043");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("7");
        assertThat(json(r).at("/errors/0/message").asText()).startsWith("Too Many Requests");
    }

    @Test
    void revokedKeysAre401() {
        sandbox.setScenario(Scenario.of("revoked-token"));
        assertThat(lookup("street=" + enc("1600 Amphitheatre Pkwy") + "&zipcode=94043")
                        .statusCode())
                .isEqualTo(401);
    }
}

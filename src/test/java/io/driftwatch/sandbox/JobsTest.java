package io.driftwatch.sandbox;

import static io.driftwatch.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsTest {
    @TempDir
    static Path keys;

    static Sandbox sandbox;
    static SandboxClient client;

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().keyDirectory(keys).build());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) {
        return client.get(pathAndQuery, "X-Api-Key", sandbox.credentials().jobsApiKey());
    }

    @Test
    void followingLinkNextVisitsEveryRecordOnce() {
        var ids = new HashSet<String>();
        String next = "/jobs?page=1&limit=200";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = get(next);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-total-count")).hasValue("1050");
            json(r).forEach(j -> ids.add(j.get("id").asText()));
            pages++;
            Matcher m = NEXT.matcher(r.headers().firstValue("link").orElse(""));
            next = m.find()
                    ? URI.create(m.group(1)).getRawPath() + "?"
                            + URI.create(m.group(1)).getRawQuery()
                    : null;
        }
        assertThat(pages).isEqualTo(6);
        assertThat(ids).hasSize(1050);
    }

    @Test
    void lastPageHasOnlyALastLinkAndLimitIsCapped() {
        HttpResponse<String> last = get("/jobs?page=6");
        assertThat(json(last).size()).isEqualTo(50);
        assertThat(last.headers().firstValue("link"))
                .hasValue("<" + sandbox.baseUri().toString().replaceAll("/$", "")
                        + "/jobs?page=6&limit=200>; rel=\"last\"");
        assertThat(json(get("/jobs?limit=500")).size()).isEqualTo(200);
        assertThat(json(get("/jobs?page=99")).size()).isZero();
    }

    @Test
    void amountsAreMoneyAndAuthIsRequired() {
        // Money keeps its cents on the wire: "amount":25.00, not 25.0 or 25.
        assertThat(get("/jobs?limit=1").body()).containsPattern("\"amount\":\\d+\\.\\d{2},");
        HttpResponse<String> anonymous = client.get("/jobs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"unauthorized\"}");
        assertThat(get("/jobs?page=zero").statusCode()).isEqualTo(400);
    }
}

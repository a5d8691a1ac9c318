package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.sandbox.SandboxConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaginationTest {
    @TempDir
    static Path keys;

    static VendorHarness h;
    static ConnectionDefinition jobs;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BASE = URI.create("https://api.example.test/jobs?page=1");

    @BeforeAll
    static void start() {
        h = new VendorHarness(SandboxConfig.builder(), keys, new InMemoryTokenStore());
        jobs = new ConnectionDefinition(
                "jobs",
                "generic",
                h.sandbox.baseUri(),
                Map.of(),
                new AuthSpec.ApiKey(
                        "X-Api-Key", Secret.of(h.sandbox.credentials().jobsApiKey()), AuthSpec.KeyLocation.HEADER),
                10,
                Map.of(),
                null);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void linkHeaderVariants() {
        assertThat(Pagination.linkNext(
                        "<https://a.test/jobs?page=2>; rel=\"next\", <https://a.test/jobs?page=6>; rel=\"last\"", BASE))
                .hasValue(URI.create("https://a.test/jobs?page=2"));
        assertThat(Pagination.linkNext(
                        "<https://a.test/x?page=1>; rel=\"prev\",<https://a.test/x?page=3>; rel=next", BASE))
                .hasValue(URI.create("https://a.test/x?page=3"));
        assertThat(Pagination.linkNext("</jobs?page=3>; title=\"n\"; REL=\"last next\"", BASE))
                .hasValue(URI.create("https://api.example.test/jobs?page=3"));
        assertThat(Pagination.linkNext("<https://a.test/x?page=6>; rel=\"last\"", BASE))
                .isEmpty();
        assertThat(Pagination.linkNext("garbage", BASE)).isEmpty();
        assertThat(Pagination.linkNext(null, BASE)).isEmpty();
    }

    @Test
    void walksEveryPageOfTheJobsSourceOnce() throws Exception {
        var walk =
                Pagination.walk(h.sandbox.baseUri().resolve("/jobs?page=1&limit=200"), PaginationTest::fetchJobs, 20);
        assertThat(walk.truncated()).isFalse();
        assertThat(walk.pages()).hasSize(6);
        var ids = new HashSet<String>();
        for (Exchange page : walk.pages()) {
            for (JsonNode job : JSON.readTree(page.body()))
                ids.add(job.get("id").asText());
        }
        assertThat(ids).hasSize(1050);
    }

    @Test
    void stopsAtThePageCap() {
        var walk = Pagination.walk(h.sandbox.baseUri().resolve("/jobs?limit=100"), PaginationTest::fetchJobs, 3);
        assertThat(walk.truncated()).isTrue();
        assertThat(walk.pages()).hasSize(3);
    }

    @Test
    void followsSalesforceNextRecordsUrlWithAuth() throws Exception {
        ConnectionDefinition sf = h.connection("salesforce");
        URI first = URI.create(sf.baseUrl() + "/services/data/v65.0/query?q=SELECT+Id+FROM+Opportunity");
        var walk = Pagination.walk(
                first,
                uri -> h.send(sf, new OutgoingRequest("GET", uri, Map.of(), null), VendorHarness.options("sf")),
                10);
        assertThat(walk.pages()).hasSize(2);
        assertThat(walk.pages()).allMatch(p -> p.status() == 200);
        int records = 0;
        for (Exchange page : walk.pages())
            records += JSON.readTree(page.body()).get("records").size();
        assertThat(records).isEqualTo(2350);
    }

    @Test
    void aFailedPageEndsTheWalk() {
        assertThat(Pagination.next(
                        Exchanges.of(500, "{\"done\":false,\"nextRecordsUrl\":\"/x\"}", "Link", "</y>; rel=next")))
                .isEqualTo(Optional.empty());
        assertThat(Pagination.next(Exchanges.of(
                        200, "{\"done\":false,\"nextRecordsUrl\":\"/services/data/v65.0/query/01g-2000\"}")))
                .hasValue(URI.create("https://example.test/services/data/v65.0/query/01g-2000"));
        assertThat(Pagination.next(Exchanges.of(200, "{\"done\":true,\"nextRecordsUrl\":\"/x\"}")))
                .isEmpty();
    }

    private static Exchange fetchJobs(URI uri) {
        return h.send(jobs, new OutgoingRequest("GET", uri, Map.of(), null), VendorHarness.options("jobs"));
    }
}

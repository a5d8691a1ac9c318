package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging pages: exact money, concatenated arrays, last-page scalars, keys the last page dropped. */
class PagedExchangeTest {
    static Exchange page(String url, String body) {
        return new Exchange(
                Instant.EPOCH,
                "GET",
                url,
                200,
                Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8),
                body.length(),
                1_000,
                2_000,
                1,
                null,
                null,
                null);
    }

    @Test
    void salesforcePagesMergeWithAmountsKeepingTheirScale() {
        List<Exchange> answers = List.of(
                page(
                        "https://x.my.salesforce.com/services/data/v65.0/query?q=a",
                        "{\"totalSize\":3,\"done\":false,\"nextRecordsUrl\":\"/services/data/v65.0/query/01g-2\","
                                + "\"records\":[{\"Amount\":150.00},{\"Amount\":1E+2}]}"),
                page(
                        "https://x.my.salesforce.com/services/data/v65.0/query/01g-2",
                        "{\"totalSize\":3,\"done\":true,\"records\":[{\"Amount\":0.10}]}"));
        List<URI> asked = new ArrayList<>();
        Exchange merged = PagedExchange.fetch(
                "salesforce",
                new OutgoingRequest(
                        "GET", URI.create("https://x.my.salesforce.com/services/data/v65.0/query?q=a"), Map.of(), null),
                5,
                Duration.ofSeconds(5),
                (r, left) -> {
                    asked.add(r.uri());
                    return answers.get(asked.size() - 1);
                });
        assertThat(asked.get(1)).hasToString("https://x.my.salesforce.com/services/data/v65.0/query/01g-2");
        assertThat(new String(merged.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"totalSize\":3,\"done\":true,"
                        + "\"records\":[{\"Amount\":150.00},{\"Amount\":1E+2},{\"Amount\":0.10}]}");
        assertThat(merged.attempts()).isEqualTo(2);
        assertThat(merged.totalNanos()).isEqualTo(4_000);
    }

    @Test
    void aSinglePageComesBackUntouched() {
        Exchange only = page("https://a/jobs", "[1, 2]");
        Exchange out = PagedExchange.fetch(
                "generic",
                new OutgoingRequest("GET", URI.create("https://a/jobs"), Map.of(), null),
                3,
                Duration.ofSeconds(5),
                (r, left) -> only);
        assertThat(out).isSameAs(only);
    }
}

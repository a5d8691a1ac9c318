package io.driftwatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox inbox and its page: what is posted is listed, newest first, and escaped on the page. */
class InboxTest {
    @TempDir
    Path keys;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postedNotificationsAreListedAndShownEscaped() throws Exception {
        try (Sandbox sandbox =
                Sandbox.start(SandboxConfig.builder().keyDirectory(keys).build())) {
            URI inbox = sandbox.inboxUri();
            var first = send(HttpRequest.newBuilder(inbox)
                    .header("X-Driftwatch-Channel", "oncall-webhook")
                    .header("X-Driftwatch-Signature", "t=1,v1=abc")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"event\":\"firing\",\"severity\":\"critical\",\"title\":\"<script>x</script>\","
                                    + "\"probe\":{\"id\":\"qbo-invoice-read\"}}")));
            assertThat(first.statusCode()).isEqualTo(202);
            send(HttpRequest.newBuilder(inbox)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"resolved\",\"title\":\"ok\"}")));
            assertThat(send(HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofString("not json")))
                            .statusCode())
                    .isEqualTo(400);

            var listing = new ObjectMapper()
                    .readTree(send(HttpRequest.newBuilder(inbox).GET()).body());
            assertThat(listing.path("received").asInt()).isEqualTo(2);
            assertThat(listing.path("messages")
                            .get(0)
                            .path("body")
                            .path("event")
                            .asText())
                    .isEqualTo("resolved");
            var older = listing.path("messages").get(1);
            assertThat(older.path("channel").asText()).isEqualTo("oncall-webhook");
            assertThat(older.path("signed").asBoolean()).isTrue();
            assertThat(sandbox.inbox().messages()).hasSize(2);

            String page = send(HttpRequest.newBuilder(sandbox.pageUri()).GET()).body();
            assertThat(page)
                    .contains("&lt;script&gt;x&lt;/script&gt;")
                    .doesNotContain("<script>")
                    .contains("qbo-invoice-read")
                    .contains("2 notifications received");

            send(HttpRequest.newBuilder(inbox).DELETE());
            assertThat(sandbox.inbox().messages()).isEmpty();
        }
    }
}

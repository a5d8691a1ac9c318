package io.driftwatch.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.channel.webhook.WebhookSignature;
import io.driftwatch.config.Secret;
import io.driftwatch.outbox.Messages;
import io.driftwatch.testing.MutableClock;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {
    static final String SECRET = "whsec-test-0123456789";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:02:00Z"));

    Channel webhook(LoopbackReceiver receiver, Map<String, String> headers) {
        var spec = new ChannelSpec(
                "ops-webhook",
                "webhook",
                Map.of("url", receiver.url("/hooks/driftwatch").toString()),
                Map.of("secret", Secret.of(SECRET)),
                Map.of(),
                Map.of("headers", headers),
                Map.of());
        return ChannelRegistry.standard().create(spec, new ChannelDependencies(HttpClient.newHttpClient(), clock));
    }

    @Test
    void postsDocumentedJsonSignedWithHmacOverTimestampAndRawBody() throws Exception {
        try (var receiver = new LoopbackReceiver(204)) {
            webhook(receiver, Map.of("X-Team", "finance")).send(Messages.firing("k/firing"));

            var request = receiver.requests().get(0);
            String signature = request.header("X-Driftwatch-Signature");
            assertThat(signature).startsWith("t=1795255320,v1=");
            assertThat(WebhookSignature.verify(SECRET, signature, request.body()))
                    .isTrue();
            assertThat(WebhookSignature.verify("wrong-secret", signature, request.body()))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, signature, request.body() + " "))
                    .isFalse();
            // The receiver's own check, written out: HMAC-SHA256(secret, t + "." + body) as hex.
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.HexFormat.of()
                    .formatHex(mac.doFinal(
                            ("1795255320." + request.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(signature).isEqualTo("t=1795255320,v1=" + expected);

            assertThat(request.header("X-Team")).isEqualTo("finance");
            assertThat(request.header("X-Driftwatch-Event")).isEqualTo("firing");
            assertThat(request.header("X-Driftwatch-Dedup-Key")).isEqualTo("k/firing");
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");

            JsonNode body = new ObjectMapper().readTree(request.body());
            assertThat(fieldNames(body))
                    .containsExactly(
                            "version",
                            "dedupKey",
                            "incidentKey",
                            "alertKey",
                            "event",
                            "severity",
                            "title",
                            "summary",
                            "probe",
                            "kind",
                            "since",
                            "runs",
                            "occurredAt",
                            "findings",
                            "links");
            assertThat(body.get("event").asText()).isEqualTo("firing");
            assertThat(body.at("/probe/vendor").asText()).isEqualTo("quickbooks");
            assertThat(body.at("/probe/labels/team").asText()).isEqualTo("finance");
            assertThat(body.at("/findings/0/evidence/observedMs").asText()).isEqualTo("312");
            assertThat(body.at("/links/0/href").asText()).isEqualTo("http://localhost:9464/probes/qbo-invoice-read");
            assertThat(request.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void non2xxIsADeliveryExceptionNamingStatusNotUrl() throws Exception {
        try (var receiver = new LoopbackReceiver(200).answer(500)) {
            Channel channel = webhook(receiver, Map.of());
            assertThatThrownBy(() -> channel.send(Messages.firing("k")))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("channel 'ops-webhook': HTTP 500: boom");
            channel.send(Messages.firing("k"));
            assertThat(receiver.requests()).hasSize(2);
        }
    }

    @Test
    void validationRejectsReservedHeadersAndBadUrls() {
        var spec = new ChannelSpec(
                "w",
                "webhook",
                Map.of("url", "ftp://example.com/x"),
                Map.of(),
                Map.of(),
                Map.of("headers", Map.of("X-Driftwatch-Signature", "forged", "X-Ok", "a\nb")),
                Map.of());
        var problems = ChannelRegistry.standard()
                .type("webhook")
                .orElseThrow()
                .validate()
                .apply(spec);
        assertThat(problems.stream().map(ChannelType.Problem::message))
                .containsExactlyInAnyOrder(
                        "url must be an http or https URL",
                        "header 'X-Driftwatch-Signature' is set by driftwatch and cannot be configured",
                        "header 'X-Ok' has a control character in its value");
    }

    static List<String> fieldNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.driftwatch.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.config.Secret;
import io.driftwatch.outbox.Messages;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slack, Teams and PagerDuty bodies, as received by a loopback server, against the vendors' documented shapes. */
class ChatChannelShapesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    final ChannelDependencies deps = new ChannelDependencies(HttpClient.newHttpClient(), Clock.systemUTC());

    Channel channel(String type, Map<String, String> strings, Map<String, Secret> secrets) {
        return ChannelRegistry.standard()
                .create(new ChannelSpec(type + "-chan", type, strings, secrets, Map.of(), Map.of(), Map.of()), deps);
    }

    @Test
    void slackIncomingWebhookHasTextAndBlocks() throws Exception {
        try (var receiver = new LoopbackReceiver(200)) {
            channel(
                            "slack",
                            Map.of(),
                            Map.of(
                                    "url",
                                    Secret.of(receiver.url("/services/T000/B000/XXXX")
                                            .toString())))
                    .send(Messages.firing("k/firing"));
            JsonNode body = JSON.readTree(receiver.requests().get(0).body());
            assertThat(body.get("text").asText())
                    .isEqualTo("[FIRING critical] qbo-invoice-read: latency: Latency 312 ms exceeded max 200 ms");
            JsonNode blocks = body.get("blocks");
            assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
            assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
            for (JsonNode block : blocks) {
                assertThat(block.get("type").asText()).isIn("header", "section", "actions", "context");
            }
            assertThat(blocks.get(2).get("fields").size()).isBetween(1, 10); // Slack allows at most 10 fields
            assertThat(blocks.get(4).at("/elements/0/type").asText()).isEqualTo("button");
            assertThat(blocks.get(4).at("/elements/0/url").asText())
                    .isEqualTo("http://localhost:9464/probes/qbo-invoice-read");
        }
    }

    @Test
    void teamsWorkflowGetsAnAdaptiveCardMessage() throws Exception {
        try (var receiver = new LoopbackReceiver(202)) {
            channel(
                            "teams",
                            Map.of(),
                            Map.of(
                                    "url",
                                    Secret.of(receiver.url("/workflows/abc").toString())))
                    .send(Messages.firing("k/firing"));
            JsonNode body = JSON.readTree(receiver.requests().get(0).body());
            assertThat(body.get("type").asText()).isEqualTo("message");
            JsonNode attachment = body.at("/attachments/0");
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.get("contentUrl").isNull()).isTrue();
            JsonNode card = attachment.get("content");
            assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.get("version").asText()).isEqualTo("1.4");
            assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
            assertThat(card.at("/body/0/type").asText()).isEqualTo("TextBlock");
            assertThat(card.at("/body/0/text").asText()).isEqualTo("[FIRING critical] qbo-invoice-read: latency");
            assertThat(card.at("/body/2/type").asText()).isEqualTo("FactSet");
            assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
        }
    }

    @Test
    void pagerDutyTriggersAndResolvesWithTheIncidentAsDedupKey() throws Exception {
        try (var receiver = new LoopbackReceiver(202)) {
            Channel pd = channel(
                    "pagerduty",
                    Map.of("url", receiver.url("/v2/enqueue").toString()),
                    Map.of("routingKey", Secret.of(ROUTING_KEY)));
            var firing = Messages.firing("k/firing");
            pd.send(firing);
            pd.send(Messages.withEvent(firing, Event.RESOLVED));

            JsonNode trigger = JSON.readTree(receiver.requests().get(0).body());
            assertThat(receiver.requests().get(0).path()).isEqualTo("/v2/enqueue");
            assertThat(trigger.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
            assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
            assertThat(trigger.get("dedup_key").asText()).isEqualTo("qbo-invoice-read/latency@1795255200000");
            assertThat(trigger.at("/payload/summary").asText())
                    .isEqualTo("[FIRING critical] qbo-invoice-read: latency: Latency 312 ms exceeded max 200 ms");
            assertThat(trigger.at("/payload/source").asText()).isEqualTo("qbo-invoice-read");
            assertThat(trigger.at("/payload/severity").asText()).isIn("critical", "error", "warning", "info");
            assertThat(trigger.at("/payload/timestamp").asText()).isEqualTo("2026-11-21T10:02:00Z");
            assertThat(trigger.at("/payload/component").asText()).isEqualTo("quickbooks");
            assertThat(trigger.at("/payload/class").asText()).isEqualTo("latency");
            assertThat(trigger.at("/payload/custom_details/findings/0/evidence/maxMs")
                            .asText())
                    .isEqualTo("200");
            assertThat(trigger.at("/links/0/href").asText()).isEqualTo("http://localhost:9464/probes/qbo-invoice-read");

            JsonNode resolve = JSON.readTree(receiver.requests().get(1).body());
            assertThat(WebhookChannelTest.fieldNames(resolve))
                    .containsExactly("routing_key", "event_action", "dedup_key");
            assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
            assertThat(resolve.get("dedup_key").asText())
                    .isEqualTo(trigger.get("dedup_key").asText());
        }
    }

    @Test
    void pagerDutyDefaultsToTheEventsApiAndRequiresA32CharacterKey() {
        var spec = new ChannelSpec(
                "pd", "pagerduty", Map.of(), Map.of("routingKey", Secret.of("short")), Map.of(), Map.of(), Map.of());
        var type = ChannelRegistry.standard().type("pagerduty").orElseThrow();
        assertThat(type.validate().apply(spec))
                .containsExactly(
                        new ChannelType.Problem("routingKey", "routingKey must be the 32-character integration key"));
        assertThat(io.driftwatch.channel.pagerduty.PagerDutyChannel.DEFAULT_URL)
                .isEqualTo("https://events.pagerduty.com/v2/enqueue");
    }
}

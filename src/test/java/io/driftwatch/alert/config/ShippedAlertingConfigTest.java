package io.driftwatch.alert.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.driftwatch.channel.ChannelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every file under the repository's alerting/ so the shipped example cannot rot. */
class ShippedAlertingConfigTest {
    static final Path ALERTING =
            Path.of(System.getProperty("driftwatch.repo.root", ".")).resolve("alerting");
    /** The documented variables (alerting/README.md); only the webhook secret has no default. */
    static final Map<String, String> ENV = Map.of("DRIFTWATCH_WEBHOOK_SECRET", "example-secret");

    @Test
    void everyShippedFileLoadsWithoutProblems() {
        var result = new AlertingLoader(ChannelRegistry.standard()).loadDirectory(ALERTING, ENV);
        assertThat(result.problems()).isEmpty();
        AlertingConfig config = result.config();
        assertThat(config.channelNames()).containsExactly("oncall-email", "oncall-webhook");
        assertThat(config.defaults()).isEqualTo(Thresholds.DEFAULT);

        // The seed thresholds route to the on-call email and the webhook.
        for (var subject : List.of(
                new AlertSubject("qbo-invoice-read", "quickbooks", "critical", Set.of("latency"), Map.of()),
                new AlertSubject("sf-account-read", "salesforce", "critical", Set.of("schema-drift"), Map.of()),
                new AlertSubject("qbo-invoice-totals", "quickbooks", "critical", Set.of("totals"), Map.of()))) {
            assertThat(config.route(subject, null).channels()).containsExactly("oncall-email", "oncall-webhook");
        }
        var totals = new AlertSubject("x", "smarty", "critical", Set.of("totals"), Map.of());
        assertThat(config.route(totals, null).thresholds().failureThreshold()).isEqualTo(1);
    }

    @Test
    void withoutTheWebhookSecretValidationNamesTheVariable() {
        var result = new AlertingLoader(ChannelRegistry.standard()).loadDirectory(ALERTING, Map.of());
        assertThat(result.problems())
                .extracting(p -> p.message())
                .containsExactly("environment variable DRIFTWATCH_WEBHOOK_SECRET is not set");
    }

    @Test
    void everyShippedFileMatchesTheEditorSchema() throws IOException {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/alerting.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
        }
        var yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> walk = Files.list(ALERTING)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            JsonNode node = yaml.readTree(file.toFile());
            assertThat(schema.validate(node)).as(file.toString()).isEmpty();
        }
        JsonNode bad = yaml.readTree("channels: { x: { type: webhook, url: 'https://x', secret: literal } }");
        assertThat(schema.validate(bad)).isNotEmpty();
    }
}

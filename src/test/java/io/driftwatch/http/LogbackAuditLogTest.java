package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.RetrySpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LogbackAuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private static List<JsonNode> lines(Path file) throws Exception {
        var out = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(file)) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void everyRunIsOneJsonLineWithTheAuditFields() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (var server = TestServer.http();
                var audit = LogbackAuditLog.open(dataDir)) {
            server.on(
                    "/ok",
                    ex -> TestServer.respond(ex, 200, "application/json", "{\"a\":1}", Map.of("intuit_tid", "T-9")));
            server.on("/err", ex -> TestServer.respond(ex, 500, "text/plain", "e".repeat(5000)));
            var executor = Fixtures.executor(
                    HttpClients.shared(), Fixtures.CLOCK, new RecordingSleeper(), Redactor.empty(), audit);
            var okOptions = new ExecutionOptions(
                    "qbo-invoice-read", Fixtures.SLOW_MACHINE, RetrySpec.NONE, 1024, true, "intuit_tid");
            var errOptions =
                    new ExecutionOptions("err-probe", Fixtures.SLOW_MACHINE, RetrySpec.DEFAULT, 1 << 20, true, null);

            executor.execute(get(server.uri("/ok?minorversion=75")), okOptions, AuthProvider.NONE);
            executor.execute(get(server.uri("/err")), errOptions, AuthProvider.NONE);
            executor.execute(get(URI.create("http://127.0.0.1:" + closedPort + "/")), okOptions, AuthProvider.NONE);

            assertThat(audit.file())
                    .isEqualTo(dataDir.resolve("audit/audit.jsonl").toAbsolutePath());
            List<JsonNode> lines = lines(audit.file());
            assertThat(lines).hasSize(3);

            JsonNode ok = lines.get(0);
            assertThat(fieldNames(ok))
                    .containsExactly(
                            "time",
                            "probe",
                            "method",
                            "url",
                            "status",
                            "ms",
                            "bytes",
                            "attempts",
                            "requestId",
                            "outcome");
            assertThat(ok.get("time").asText()).isEqualTo("2026-03-02T10:15:30Z");
            assertThat(ok.get("probe").asText()).isEqualTo("qbo-invoice-read");
            assertThat(ok.get("method").asText()).isEqualTo("GET");
            assertThat(ok.get("url").asText())
                    .isEqualTo(server.uri("/ok?minorversion=75").toString());
            assertThat(ok.get("status").asInt()).isEqualTo(200);
            assertThat(ok.get("ms").asDouble()).isPositive();
            assertThat(ok.get("bytes").asLong()).isEqualTo(7);
            assertThat(ok.get("attempts").asInt()).isEqualTo(1);
            assertThat(ok.get("requestId").asText()).isEqualTo("T-9");
            assertThat(ok.get("outcome").asText()).isEqualTo("ok");

            JsonNode err = lines.get(1);
            assertThat(err.get("status").asInt()).isEqualTo(500);
            assertThat(err.get("attempts").asInt()).isEqualTo(3);
            assertThat(err.get("outcome").asText()).isEqualTo("http-status");
            assertThat(err.get("body").asText()).isEqualTo("e".repeat(4096));

            JsonNode refused = lines.get(2);
            assertThat(refused.get("status").asInt()).isZero();
            assertThat(refused.get("outcome").asText()).isEqualTo("connection-refused");
            assertThat(refused.has("body")).as("no body arrived").isFalse();
            assertThat(refused.has("requestId")).isFalse();
        }
    }

    @Test
    void bodyIsNotCapturedUnlessAsked() throws Exception {
        try (var server = TestServer.http();
                var audit = LogbackAuditLog.open(dataDir)) {
            server.on("/err", ex -> TestServer.respond(ex, 502, "text/html", "<html>bad gateway</html>"));
            var executor = Fixtures.executor(
                    HttpClients.shared(), Fixtures.CLOCK, new RecordingSleeper(), Redactor.empty(), audit);

            executor.execute(get(server.uri("/err")), Fixtures.options(RetrySpec.NONE), AuthProvider.NONE);

            JsonNode line = lines(audit.file()).get(0);
            assertThat(line.get("outcome").asText()).isEqualTo("http-status");
            assertThat(line.has("body")).isFalse();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

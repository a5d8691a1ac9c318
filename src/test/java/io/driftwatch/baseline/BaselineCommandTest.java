package io.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.driftwatch.cli.BaselineCommand;
import io.driftwatch.cli.BaselineTools;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.SchemaExpectation;
import io.driftwatch.drift.DriftFixtures;
import io.driftwatch.drift.Probes;
import io.driftwatch.probe.checks.SchemaDriftCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The baseline commands against a real loopback server standing in for QuickBooks. */
class BaselineCommandTest {
    private static final String ID = "qbo-invoice-read";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private BaselineStore store;
    private ProbeDefinition probe;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        body.set(DriftFixtures.load("qbo-invoice-read.json").toString());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().add("intuit_tid", "1-" + System.nanoTime());
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        store = new BaselineStore(dir.resolve("baselines"));
        probe = Probes.probe(ID, new SchemaExpectation(true, null, 2, false), dir.resolve("probes/qbo.yaml"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The runner stand-in: one real HTTP GET, parsed as JSON. */
    private io.driftwatch.baseline.Sample get(ProbeDefinition p) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + p.request().path());
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        JsonNode json = DriftFixtures.JSON.readTree(response.body());
        String type = response.headers().firstValue("content-type").orElse(null);
        return new io.driftwatch.baseline.Sample(
                response.statusCode(), type, Map.of("content-type", type), nanos, json);
    }

    private int run(String... args) {
        BaselineTools tools = new BaselineTools(
                id -> id.equals(ID) ? Optional.of(probe) : Optional.empty(),
                this::get,
                store,
                new SchemaFiles(),
                new BaselineRecorder(
                        DriftFixtures.CLOCK,
                        pauses::add,
                        "0.1.0",
                        InferenceOptions.DEFAULT,
                        BaselineRecorder.DEFAULT_HEADERS),
                SchemaDriftCheck::settingsOf,
                Duration.ofSeconds(2));
        CommandLine line = BaselineCommand.commandLine(tools);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        line.setOut(new PrintWriter(o, true));
        line.setErr(new PrintWriter(e, true));
        int code = line.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String header() {
        return ID + " against " + store.file(ID) + " (recorded 2026-03-01T09:00:00Z from 3 samples)\n";
    }

    @Test
    void recordThenDiffThenAccept() throws Exception {
        assertThat(run("record", ID, "--samples", "3", "--interval", "1s")).isEqualTo(0);
        assertThat(out)
                .matches("recorded "
                        + java.util.regex.Pattern.quote(store.file(ID).toString())
                        + " from 3 samples: status 200, application/json, p95 \\d+\\.\\d{3} ms\n");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(Files.readString(store.file(ID))).contains("\"content-type\": \"application/json;charset=UTF-8\"");

        assertThat(run("diff", ID)).isEqualTo(0);
        assertThat(out).isEqualTo(header() + "no drift\n");

        ObjectNode drifted = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) drifted.get("Invoice")).put("TotalAmt", "362.07").put("HomeTotalAmt", 362.07);
        body.set(drifted.toString());
        assertThat(run("diff", ID)).isEqualTo(1);
        assertThat(out)
                .isEqualTo(header()
                        + "2 changes: 1 breaking, 1 info\n"
                        + "  BREAKING  type-changed at $.Invoice.TotalAmt: baseline number, observed string in 1 of 1 values\n"
                        + "            example: \"362.07\"\n"
                        + "  INFO      field-added at $.Invoice.HomeTotalAmt: number in 1 of 1 objects\n"
                        + "            example: 362.07\n");

        assertThat(run("accept", ID)).isEqualTo(0);
        assertThat(out).startsWith(header() + "2 changes: 1 breaking, 1 info\n");
        assertThat(out).endsWith("accepted " + store.file(ID) + "\n");
        assertThat(run("diff", ID)).isEqualTo(0);
        assertThat(out).endsWith("no drift\n");
        assertThat(store.read(ID)
                        .orElseThrow()
                        .schema()
                        .at("/properties/Invoice/properties/TotalAmt/type")
                        .asText())
                .isEqualTo("string");
    }

    @Test
    void acceptMergeKeepsWhatTheOldBaselineAccepted() throws Exception {
        assertThat(run("record", ID, "--samples", "3")).isEqualTo(0);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2)); // configured default
        ObjectNode changed = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) changed.get("Invoice")).put("TotalAmt", "362.07").remove("DocNumber");
        body.set(changed.toString());
        assertThat(run("accept", ID, "--merge")).isEqualTo(0);
        assertThat(out).endsWith("accepted " + store.file(ID) + " (merged with the previous baseline)\n");
        Baseline merged = store.read(ID).orElseThrow();
        assertThat(merged.sampleCount()).isEqualTo(4);
        JsonNode invoice = merged.schema().at("/properties/Invoice");
        assertThat(invoice.at("/properties/TotalAmt/type").toString()).isEqualTo("[\"number\",\"string\"]");
        assertThat(invoice.at("/properties/DocNumber/type").asText()).isEqualTo("string");
        assertThat(invoice.get("required").toString()).doesNotContain("\"DocNumber\"");
        body.set(DriftFixtures.load("qbo-invoice-read.json").toString());
        assertThat(run("diff", ID)).isEqualTo(0); // the old shape is still accepted
    }

    @Test
    void enumsKeyDecidesWhetherRecordingLearnsEnumsAndDiffReportsThem() throws Exception {
        assertThat(run("record", ID, "--samples", "2")).isEqualTo(0);
        assertThat(store.read(ID).orElseThrow().schema().at("/properties/Invoice/properties/PrintStatus/enum"))
                .isEmpty(); // enums: false by default

        probe = Probes.probe(
                ID,
                new SchemaExpectation(true, null, 2, false, Map.of(), List.of(), true),
                dir.resolve("probes/qbo.yaml"));
        assertThat(run("record", ID, "--samples", "2")).isEqualTo(0);
        assertThat(store.read(ID)
                        .orElseThrow()
                        .schema()
                        .at("/properties/Invoice/properties/PrintStatus/enum")
                        .toString())
                .isEqualTo("[\"NeedToPrint\"]");

        ObjectNode printed = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) printed.get("Invoice")).put("PrintStatus", "PrintComplete");
        body.set(printed.toString());
        assertThat(run("diff", ID)).isEqualTo(1);
        assertThat(out).contains("enum-value-added at $.Invoice.PrintStatus: baseline [NeedToPrint]");

        probe = Probes.probe(ID, new SchemaExpectation(true, null, 2, false), dir.resolve("probes/qbo.yaml"));
        assertThat(run("diff", ID)).isEqualTo(0); // the recorded enum is ignored with enums: false
    }

    @Test
    void noLatencyLeavesLatencyOutOfTheRecording() throws Exception {
        assertThat(run("record", ID, "--samples", "1", "--no-latency")).isEqualTo(0);
        assertThat(out)
                .isEqualTo("recorded " + store.file(ID) + " from 1 sample: status 200, application/json, no latency\n");
        assertThat(store.read(ID).orElseThrow().latency()).isNull();
        assertThat(Files.readString(store.file(ID))).doesNotContain("\"latency\"");
        assertThat(run("record", ID, "--samples", "1")).isEqualTo(0);
        assertThat(store.read(ID).orElseThrow().latency()).isNotNull();
    }

    @Test
    void configErrorsExitTwo() throws Exception {
        assertThat(run("diff", "nope")).isEqualTo(2);
        assertThat(err).isEqualTo("unknown probe 'nope'\n");
        assertThat(run("diff", ID)).isEqualTo(2);
        assertThat(err)
                .isEqualTo("no baseline for " + ID + ": " + store.file(ID)
                        + " does not exist (record one with: driftwatch baseline record " + ID + ")\n");
        assertThat(run("record", ID, "--samples", "0")).isEqualTo(2);
        assertThat(err).isEqualTo("--samples must be at least 1\n");
        assertThat(run("record", ID, "--interval", "soon")).isEqualTo(2);
        assertThat(err)
                .startsWith(
                        "Invalid value for option '--interval': 'soon' is not a duration (examples: 500ms, 2s, 1m)");
        Files.createDirectories(store.directory());
        Files.writeString(store.file(ID), "{}");
        assertThat(run("diff", ID)).isEqualTo(2);
        assertThat(err).startsWith(store.file(ID) + ":1:1: missing key 'probe'\n");
    }

    @Test
    void aFailingProbeExitsOne() {
        server.stop(0);
        assertThat(run("record", ID)).isEqualTo(1);
        assertThat(err).startsWith("cannot record " + ID + ": sample 1 of 5 failed: ");
        assertThat(store.directory().resolve(ID + ".json")).doesNotExist();
    }

    @Test
    void diffOutputNeverShowsSecrets() throws Exception {
        assertThat(run("record", ID, "--samples", "1")).isEqualTo(0);
        ObjectNode leaky = DriftFixtures.object("qbo-invoice-read.json");
        ((ObjectNode) leaky.get("Invoice")).put("refresh_token", "AB11712345678RzTkLmNoPqRsTuVwXyZ0123456789");
        body.set(leaky.toString());
        assertThat(run("diff", ID)).isEqualTo(1);
        assertThat(out)
                .contains("field-added at $.Invoice.refresh_token: string in 1 of 1 objects\n")
                .contains("example: ****\n")
                .doesNotContain("AB11712345678");
    }
}

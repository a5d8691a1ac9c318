package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.support.LoopbackServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** `driftwatch check` end to end: real probe files, a real loopback server, exit codes and reports. */
class CheckCommandTest {
    static final String SECRET = "tok-9f8e7d6c5b4a";

    @TempDir
    Path dir;

    LoopbackServer server;
    Path probes;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer()
                .json("/invoice", 200, "{\"Invoice\":{\"DocNumber\":\"1037\",\"TotalAmt\":145.80}}")
                .route(
                        "/echo",
                        ex -> LoopbackServer.respond(
                                ex,
                                200,
                                "application/json",
                                "{\"auth\":\"" + ex.getRequestHeaders().getFirst("Authorization") + "\"}"))
                .route("/html", ex -> LoopbackServer.respond(ex, 500, "text/html", "<html><body>Oops</body></html>"))
                .route("/garbage", ex -> LoopbackServer.respond(ex, 200, "application/json", "{\"Invoice\": [1, 2"));
        probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(dir.resolve("token.txt"), SECRET + "\n");
        Files.writeString(
                probes.resolve("connections/local.yaml"), """
                baseUrl: %s
                auth:
                  type: bearer
                  tokenFile: %s
                """.formatted(server.baseUrl(), dir.resolve("token.txt")));
        Files.writeString(probes.resolve("invoice.yaml"), """
                id: invoice-read
                connection: local
                request: { path: /invoice }
                expect:
                  status: 200
                  assertions:
                    - { path: "$.Invoice.DocNumber", equals: "1037" }
                """);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    record Run(int exit, String out, String err) {}

    Run check(String... extra) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = new String[extra.length + 5];
        args[0] = "check";
        args[1] = "--probes";
        args[2] = probes.toString();
        args[3] = "--data";
        args[4] = dir.resolve("data").toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void allPassingExitsZero() {
        Run r = check();
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS").contains("invoice-read").contains("probes: 1 pass, 0 degraded, 0 fail");
    }

    @Test
    void failingCheckExitsOneWithJunitAndNoSecretAnywhere() throws Exception {
        Files.writeString(probes.resolve("echo.yaml"), """
                id: echo-auth
                connection: local
                request: { path: /echo }
                expect:
                  assertions:
                    - { path: "$.auth", equals: "nope" }
                """);
        Files.writeString(probes.resolve("html.yaml"), """
                id: html-error
                connection: local
                request: { path: /html, retries: { attempts: 1 } }
                """);
        Path junit = dir.resolve("reports/junit.xml");
        Run r = check("--junit", junit.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAIL     echo-auth")
                .contains("assertion: $.auth equals \"nope\": was \"Bearer ****\"")
                .contains("http-status: expected status 2xx, got 500 (HTML error page)");

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        var failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        assertThat(((Element) failures.item(0)).getAttribute("message")).doesNotContain(SECRET);

        Run json = check("--json");
        assertThat(json.exit()).isEqualTo(1);
        var tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.get("failed").asInt()).isEqualTo(2);
        assertThat(tree.get("passed").asInt()).isEqualTo(1);

        String audit = Files.readString(dir.resolve("data/audit/audit.jsonl"));
        assertThat(audit).contains("\"probe\":\"echo-auth\"");
        for (String text : new String[] {r.out(), r.err(), json.out(), json.err(), Files.readString(junit), audit}) {
            assertThat(text).doesNotContain(SECRET);
        }
    }

    @Test
    void badConfigurationExitsTwoWithFileLine() throws Exception {
        Files.writeString(probes.resolve("broken.yaml"), """
                id: broken
                connection: local
                request: { path: /invoice, timeout: soon }
                """);
        Run r = check();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(probes.resolve("broken.yaml") + ":3:");
    }

    @Test
    void invalidJsonIsAClassifiedFailure() throws Exception {
        Files.writeString(probes.resolve("garbage.yaml"), """
                id: garbage
                connection: local
                request: { path: /garbage }
                expect:
                  assertions:
                    - { path: "$.Invoice", exists: true }
                """);
        Run r = check("--probe", "garbage");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("invalid-json: response is not valid JSON at line 1 column 18 (received application/json)");
    }

    @Test
    void unknownProbeIdExitsTwo() {
        Run r = check("--probe", "nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no probe with id 'nope'");
    }

    @Test
    void selectedProbeOnly() throws Exception {
        Files.writeString(probes.resolve("html.yaml"), """
                id: html-error
                connection: local
                request: { path: /html }
                """);
        Run r = check("--probe", "invoice-read");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("html-error");
    }
}

package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.testing.LoopbackSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code driftwatch connections} against a daemon running the shipped probes on the sandbox. */
class ConnectionsCommandTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    Daemon daemon;
    final Path probes = ShippedConfigTest.repo().resolve("probes");

    record Run(int code, String out) {}

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        if (sandbox != null) sandbox.close();
    }

    Map<String, String> startWithProbesRun(List<Scenario> scenarios, String... probeIds) throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder()
                .keyDirectory(dir.resolve("keys"))
                .scenarios(scenarios)
                .build());
        var env = new HashMap<>(sandbox.environment());
        daemon = new Daemon(LoopbackSettings.under(dir, probes, env), Clock.systemUTC()).start();
        for (String id : probeIds) {
            ProbeDefinition p = daemon.engine().active().probes().get(id);
            daemon.engine().runner().run(p, Clock.systemUTC().instant());
        }
        return env;
    }

    Run connections(Map<String, String> env, String... args) {
        var cmd = new ConnectionsCommand();
        cmd.env = env;
        var out = new StringWriter();
        int code = new CommandLine(cmd).setOut(new PrintWriter(out, true)).execute(args);
        return new Run(code, out.toString());
    }

    String daemonUrl() {
        return "--daemon=http://127.0.0.1:" + daemon.port();
    }

    @Test
    void showsLiveAuthStateAndNeverASecret() throws Exception {
        var env = startWithProbesRun(List.of(), "qbo-invoice-read", "sf-limits", "smarty-known-address");
        Run text = connections(env, "--probes=" + probes, daemonUrl());
        Run json = connections(env, "--probes=" + probes, daemonUrl(), "--json");

        assertThat(text.code()).as(text.out()).isZero();
        assertThat(text.out())
                .contains("Live auth state from the daemon")
                .contains("quickbooks  vendor quickbooks, auth quickbooks-oauth2, http://127.0.0.1:")
                .contains("salesforce  vendor salesforce, auth salesforce-jwt")
                .contains("smarty  vendor smarty, auth smarty")
                .contains("state: ok, last token ")
                .contains("access token: cached, valid until ")
                .containsPattern("refresh token: present, expires \\S+, hard expiry \\S+ \\(\\d+ days left\\)");

        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("live").asBoolean()).isTrue();
        JsonNode qbo = byId(root, "quickbooks");
        assertThat(qbo.path("state").asText()).isEqualTo("ok");
        assertThat(qbo.path("refreshTokenConfigured").asBoolean()).isTrue();
        assertThat(qbo.path("refreshTokenDaysLeft").asLong()).isPositive();
        assertThat(byId(root, "salesforce").path("quotaUsedRatio").isNumber()).isTrue();

        for (String name : List.of("QBO_CLIENT_SECRET", "QBO_REFRESH_TOKEN", "SF_CLIENT_SECRET", "SMARTY_AUTH_TOKEN")) {
            assertThat(text.out()).as(name).doesNotContain(env.get(name));
            assertThat(json.out()).as(name).doesNotContain(env.get(name));
        }
    }

    @Test
    void invalidGrantShowsTheAuthorizationLostAndExitsOne() throws Exception {
        var env = startWithProbesRun(
                List.of(Scenario.parse("revoked-token:vendor=quickbooks")), "qbo-invoice-read", "smarty-known-address");
        Run run = connections(env, "--probes=" + probes, daemonUrl());
        assertThat(run.code()).as(run.out()).isEqualTo(Main.FAILED);
        assertThat(run.out())
                .contains("state: lost")
                .contains("last error: QuickBooks authorization lost: reconnect the app")
                .doesNotContain(env.get("QBO_REFRESH_TOKEN"));
    }

    @Test
    void withoutADaemonShowsConfigurationOnly() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build());
        var env = sandbox.environment();
        Run run = connections(env, "--probes=" + probes, "--daemon=http://127.0.0.1:1");
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("No daemon answering at http://127.0.0.1:1")
                .contains("quickbooks  vendor quickbooks, auth quickbooks-oauth2")
                .contains("state: unknown")
                .contains("refresh token: present");
    }

    @Test
    void aConnectionFileThatDoesNotLoadExitsTwoNamingTheLine() throws Exception {
        sandbox = Sandbox.start(
                SandboxConfig.builder().keyDirectory(dir.resolve("keys")).build());
        var env = new HashMap<>(sandbox.environment());
        env.remove("QBO_CLIENT_ID");
        Run run = connections(env, "--probes=" + probes, "--daemon=http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(Main.BAD_CONFIG);
        assertThat(run.out())
                .contains("Connection files that do not load:")
                .containsPattern("quickbooks\\.yaml:\\d+:\\d+: environment variable QBO_CLIENT_ID is not set");
    }

    private static JsonNode byId(JsonNode root, String id) {
        for (JsonNode c : root.path("connections")) if (c.path("id").asText().equals(id)) return c;
        throw new AssertionError("no connection " + id + " in " + root);
    }
}

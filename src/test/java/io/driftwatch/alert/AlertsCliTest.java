package io.driftwatch.alert;

import static io.driftwatch.alert.AlertHarness.QBO;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.channel.LoopbackReceiver;
import io.driftwatch.cli.AlertsCommand;
import io.driftwatch.cli.AlertsContext;
import io.driftwatch.outbox.RecordingChannel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlertsCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(AlertsContext ctx, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new AlertsCommand(ctx));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    AlertsContext context(String yaml, javax.sql.DataSource ds) throws Exception {
        Path alerting = Files.createDirectories(dir.resolve("alerting-" + System.nanoTime()));
        Files.writeString(alerting.resolve("a.yaml"), yaml);
        return AlertsContext.of(
                alerting,
                Map.of("HOOK_SECRET", "s"),
                () -> ds,
                java.time.Clock.fixed(AlertHarness.T0, java.time.ZoneOffset.UTC));
    }

    static String hookConfig(String url) {
        return "channels:\n  hook:\n    type: webhook\n    url: " + url + "\n    secret: ${HOOK_SECRET}\n";
    }

    @Test
    void testSendsThroughTheChannelAndReportsFailuresWithExitCodes() throws Exception {
        try (var receiver = new LoopbackReceiver(200)) {
            AlertsContext ctx = context(hookConfig(receiver.url("/hook").toString()), null);
            Run ok = run(ctx, "test", "hook");
            assertThat(ok.exit()).isZero();
            assertThat(ok.out()).isEqualTo("sent a test notification through channel 'hook' (webhook)\n");
            assertThat(receiver.requests().get(0).header("X-Driftwatch-Event")).isEqualTo("test");

            receiver.answer(500);
            Run failed = run(ctx, "test", "hook");
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err())
                    .isEqualTo("test notification through channel 'hook' failed: channel 'hook': HTTP 500: boom\n");

            Run unknown = run(ctx, "test", "pager");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).isEqualTo("unknown channel 'pager' (configured: hook)\n");
        }
        Run bad = run(context("channels: { x: { type: fax } }\n", null), "test", "x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err())
                .endsWith(
                        "a.yaml:1:24: unknown channel type 'fax' (expected one of email, pagerduty, slack, teams, webhook)\n");
    }

    @Test
    void listOutboxAndRetryShowTheStore() throws Exception {
        var mail = new RecordingChannel("mail");
        mail.down(true);
        String yaml = """
                channels:
                  mail: { type: email, host: 127.0.0.1, security: none, from: a@example.com, to: [b@example.com] }
                routes:
                  - { name: all, channels: [mail] }
                settings: { delivery: { deadLetterAfter: 1h } }
                """;
        try (var h = new AlertHarness(dir, yaml, Map.of(), Map.of("mail", mail))) {
            AlertsContext ctx = context(yaml, h.ds);
            assertThat(run(ctx, "list").out()).isEqualTo("no open alerts\n");
            h.slow(QBO);
            h.tick();
            h.slow(QBO);
            h.tick();

            Run list = run(ctx, "list");
            assertThat(list.exit()).isZero();
            assertThat(list.out().lines().toList())
                    .containsExactly(
                            "ALERT                                    STATUS    SEVERITY SINCE                 RUNS  SUMMARY",
                            "qbo-invoice-read/latency                 firing    critical 2026-11-21T10:00:00Z     2  Latency 312 ms exceeded max 200 ms");

            Run outbox = run(ctx, "outbox");
            assertThat(outbox.out()).startsWith("pending: 1, dead: 0\n").contains("channel 'mail': HTTP 503");

            for (int i = 0; i < 20; i++) {
                h.clock.advance(Duration.ofMinutes(10));
                h.dispatcher.pollOnce();
            }
            assertThat(run(ctx, "outbox").out()).startsWith("pending: 0, dead: 1\n");
            Run retry = run(ctx, "retry");
            assertThat(retry.out()).isEqualTo("moved 1 dead notification back to pending\n");
            mail.down(false);
            h.dispatcher.pollOnce();
            assertThat(mail.received()).hasSize(1);
            assertThat(run(ctx, "outbox").out()).isEqualTo("pending: 0, dead: 0\n");
        }
    }
}

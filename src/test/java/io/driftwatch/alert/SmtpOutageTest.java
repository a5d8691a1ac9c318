package io.driftwatch.alert;

import static io.driftwatch.alert.AlertHarness.QBO;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.driftwatch.alert.config.AlertingLoader;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelDependencies;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.outbox.Notification;
import io.driftwatch.outbox.RecordingChannel;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SMTP server (GreenMail) that is down while an incident starts: the email waits, then arrives once. */
class SmtpOutageTest {
    static final String SMTP_PASSWORD = "smtp-pw-never-shown";
    static final String CONFIG = """
            channels:
              mail:
                type: email
                host: 127.0.0.1
                port: "%d"
                security: none
                username: driftwatch
                password: ${SMTP_PASSWORD}
                from: driftwatch@example.com
                to: [oncall@example.com]
              hook:
                type: webhook
                url: https://hooks.example.com/x
                secret: ${HOOK_SECRET}
            routes:
              - name: all
                channels: [mail, hook]
            """.formatted(ServerSetupTest.SMTP.getPort());
    static final Map<String, String> ENV =
            Map.of("SMTP_PASSWORD", SMTP_PASSWORD, "HOOK_SECRET", "hook-secret-never-shown");

    @TempDir
    Path dir;

    GreenMail smtp;
    AlertHarness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
        if (smtp != null) smtp.stop();
    }

    @Test
    void emailQueuedWhileSmtpIsDownArrivesExactlyOnceWhenItReturns() throws Exception {
        Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(dir.resolve("cfg/a.yaml"), CONFIG);
        var config = new AlertingLoader(ChannelRegistry.standard())
                .loadDirectory(dir.resolve("cfg"), ENV)
                .config();
        Channel mail = ChannelRegistry.standard()
                .create(
                        config.channel("mail").orElseThrow(),
                        ChannelDependencies.standard(java.time.Clock.systemUTC()));
        var hook = new RecordingChannel("hook");
        h = new AlertHarness(dir, CONFIG, ENV, Map.of("mail", mail, "hook", hook));

        h.slow(QBO); // SMTP is down (nothing listens on the port)
        h.tick();
        h.slow(QBO);
        for (int i = 0; i < 5; i++) h.tick();
        Notification waiting = h.outbox.pending(10).get(0);
        assertThat(waiting.channel()).isEqualTo("mail");
        assertThat(waiting.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(waiting.lastError()).startsWith("channel 'mail': Couldn't connect to host, port: 127.0.0.1, 3025");
        assertThat(hook.received()).hasSize(1); // the other channel is not held up

        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.setUser("driftwatch", SMTP_PASSWORD);
        smtp.start();
        h.clock.advance(Duration.ofMinutes(10));
        h.dispatcher.pollOnce();
        for (int i = 0; i < 5; i++) {
            h.slow(QBO); // still failing: no new FIRING
            h.tick();
        }
        h.restart(); // and a restart does not re-send it either
        h.slow(QBO);
        h.tick();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[driftwatch] [FIRING critical] qbo-invoice-read: latency");
        assertThat(GreenMailUtil.getWholeMessage(received[0])).doesNotContain(SMTP_PASSWORD);
        assertThat(h.outbox.pending(10)).isEmpty();

        // Secrets never reach what the outbox stores (payloads, errors) or the alert state.
        for (Notification n : h.outbox.all(100)) {
            assertThat(io.driftwatch.outbox.MessageCodec.write(n.message()) + n.lastError())
                    .doesNotContain(SMTP_PASSWORD)
                    .doesNotContain("hook-secret-never-shown");
        }
        assertThat(h.engine.states().open().get(0).messageJson).doesNotContain(SMTP_PASSWORD);
    }
}

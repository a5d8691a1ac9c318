package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.support.LoopbackServer;
import io.driftwatch.testing.LoopbackSettings;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alert path in a running daemon: a probe starts failing, the alert fires after the failure
 * threshold and arrives as one email on a real SMTP server; the probe recovers and a resolved email
 * follows. The SMTP password never appears in the message, the API or the metrics.
 */
class DaemonAlertingTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String SMTP_PASSWORD = "smtp-pw-never-shown";

    @TempDir
    Path dir;

    final AtomicInteger status = new AtomicInteger(500);
    final HttpClient http = HttpClient.newHttpClient();
    LoopbackServer target;
    GreenMail smtp;
    Daemon daemon;

    @BeforeEach
    void setUp() throws Exception {
        target = new LoopbackServer()
                .route(
                        "/invoice",
                        ex -> LoopbackServer.respond(ex, status.get(), "application/json", "{\"Id\":\"1\"}"));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("driftwatch", SMTP_PASSWORD);
        smtp.start();

        Path probes = dir.resolve("probes");
        Files.createDirectories(probes.resolve("connections"));
        Files.writeString(probes.resolve("connections/books.yaml"), "baseUrl: " + target.baseUrl() + "\n");
        Files.writeString(probes.resolve("invoice.yaml"), """
                id: books-invoice-read
                connection: books
                schedule: { every: 300ms }
                request: { path: /invoice }
                expect: { status: 200 }
                alert: { severity: critical, route: finance-oncall }
                """);
        Path alerting = dir.resolve("alerting");
        Files.createDirectories(alerting);
        Files.writeString(
                alerting.resolve("alerting.yaml"), """
                channels:
                  oncall-email:
                    type: email
                    host: 127.0.0.1
                    port: "%d"
                    security: none
                    username: driftwatch
                    password: ${SMTP_PASSWORD}
                    from: driftwatch@example.com
                    to: [oncall@example.com, finance@example.com]
                defaults:
                  failureThreshold: 2
                  successThreshold: 2
                  channels: [oncall-email]
                routes:
                  - name: finance-oncall
                    channels: [oncall-email]
                """.formatted(smtp.getSmtp().getPort()));
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) daemon.close();
        target.close();
        smtp.stop();
    }

    Daemon start() throws Exception {
        var settings = LoopbackSettings.under(dir, dir.resolve("probes"), Map.of("SMTP_PASSWORD", SMTP_PASSWORD));
        return new Daemon(settings, Clock.systemUTC()).start();
    }

    String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Messages received so far, one per recipient. */
    MimeMessage[] mail() {
        return smtp.getReceivedMessages();
    }

    static String subjects(MimeMessage[] messages) {
        return String.join(
                "\n",
                Arrays.stream(messages)
                        .map(m -> {
                            try {
                                return m.getSubject();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .toList());
    }

    @Test
    void failingProbeSendsOneAlertEmailThenAResolvedOne() throws Exception {
        daemon = start();

        // Two recipients: one firing email reaches each of them, exactly once.
        await().atMost(WAIT).until(() -> mail().length >= 2);
        MimeMessage firing = mail()[0];
        assertThat(firing.getSubject()).contains("books-invoice-read").containsIgnoringCase("firing");
        String body = GreenMailUtil.getWholeMessage(firing);
        assertThat(body).contains("status").contains("500").doesNotContain(SMTP_PASSWORD);

        JsonNode open = new ObjectMapper().readTree(get("/api/v1/alerts"));
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.toString()).contains("books-invoice-read").doesNotContain(SMTP_PASSWORD);
        assertThat(get("/metrics"))
                .contains("driftwatch_alerts_firing{severity=\"critical\"} 1")
                .containsPattern("driftwatch_notifications_total\\{channel=\"oncall-email\",outcome=\"[a-z]+\"}")
                .doesNotContain(SMTP_PASSWORD);

        // More failing runs do not send more email while the alert is firing (repeat defaults to 4 h).
        long runsBefore = runCount();
        await().atMost(WAIT).until(() -> runCount() >= runsBefore + 3);
        assertThat(mail()).hasSize(2);

        status.set(200);
        await().atMost(WAIT).until(() -> mail().length >= 4);
        String all = subjects(mail());
        assertThat(all).containsIgnoringCase("resolved");
        await().atMost(WAIT)
                .until(() -> new ObjectMapper().readTree(get("/api/v1/alerts")).isEmpty());
        assertThat(get("/metrics")).contains("driftwatch_alerts_firing{severity=\"critical\"} 0");
        assertThat(mail()).hasSize(4);
    }

    long runCount() throws Exception {
        return get("/metrics")
                .lines()
                .filter(l -> l.startsWith("driftwatch_probe_runs_total{outcome=\"fail\",probe=\"books-invoice-read\"}"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}

package io.driftwatch.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.driftwatch.channel.AlertMessage.Event;
import io.driftwatch.channel.email.Subjects;
import io.driftwatch.config.Secret;
import io.driftwatch.outbox.Messages;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
    static final String PASSWORD = "s3cret-smtp-pass";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", PASSWORD))
            .withPerMethodLifecycle(true);

    static ChannelSpec spec(int port) {
        return new ChannelSpec(
                "oncall-email",
                "email",
                Map.of(
                        "host",
                        "127.0.0.1",
                        "port",
                        String.valueOf(port),
                        "security",
                        "none",
                        "username",
                        "alerts",
                        "from",
                        "driftwatch@example.com"),
                Map.of("password", Secret.of(PASSWORD)),
                Map.of("to", List.of("oncall@example.com", "finance-it@example.com")),
                Map.of(),
                Map.of());
    }

    static Channel channel() {
        return ChannelRegistry.standard()
                .create(spec(ServerSetupTest.SMTP.getPort()), ChannelDependencies.standard(Clock.systemUTC()));
    }

    @Test
    void deliversTextAndHtmlToEveryRecipientWithHeadersAndNoSecret() throws Exception {
        channel().send(Messages.firing("qbo-invoice-read/latency@1795255200000/firing"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[driftwatch] [FIRING critical] qbo-invoice-read: latency");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                .containsExactly("oncall@example.com", "finance-it@example.com");
        assertThat(addresses(mail.getFrom())).containsExactly("driftwatch@example.com");
        assertThat(mail.getHeader("X-Driftwatch-Event", null)).isEqualTo("firing");
        assertThat(mail.getHeader("X-Driftwatch-Dedup-Key", null))
                .isEqualTo("qbo-invoice-read/latency@1795255200000/firing");
        assertThat(mail.getMessageID()).matches("<[0-9a-f]{32}@driftwatch>");

        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) text.getContent())
                .contains("Latency 312 ms exceeded max 200 ms")
                .contains("observedMs: 312")
                .contains("Since:     2026-11-21T10:00:00Z (3 failing runs)")
                .contains("Probe page: http://localhost:9464/probes/qbo-invoice-read")
                .contains("Runbook: https://wiki.example.com/runbooks/qbo");
        assertThat((String) html.getContent())
                .contains("<h2 style=\"color:#c62828\">[FIRING critical] qbo-invoice-read: latency</h2>")
                .contains("<a href=\"http://localhost:9464/probes/qbo-invoice-read\">Probe page</a>");

        assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain(PASSWORD);
    }

    @Test
    void sameDedupKeyGivesSameMessageIdAndResolvesThreadUnderTheIncident() throws Exception {
        var firing = Messages.firing("k/firing");
        channel().send(firing);
        channel().send(firing);
        channel().send(Messages.withEvent(firing, Event.RESOLVED));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(6);
        var ids = new java.util.TreeSet<String>();
        String resolvedReplyTo = null;
        for (MimeMessage m : received) {
            ids.add(m.getMessageID());
            if ("resolved".equals(m.getHeader("X-Driftwatch-Event", null)))
                resolvedReplyTo = m.getHeader("In-Reply-To", null);
        }
        assertThat(ids).hasSize(2); // the repeated firing kept its id; the resolve has its own
        assertThat(resolvedReplyTo).matches("<[0-9a-f]{32}@driftwatch>");
    }

    @Test
    void probeNamesCannotInjectHeaders() throws Exception {
        var base = Messages.firing("k/firing");
        var evil = new AlertMessage(
                base.dedupKey(),
                base.incidentKey(),
                base.alertKey(),
                base.event(),
                base.severity(),
                "[FIRING critical] evil\r\nBcc: attacker@evil.example\r\n\r\nbody: latency",
                base.summary(),
                base.probeId(),
                base.vendor(),
                base.kind(),
                base.since(),
                base.runs(),
                base.occurredAt(),
                base.findings(),
                base.labels(),
                base.links());

        channel().send(evil);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject())
                .isEqualTo("[driftwatch] [FIRING critical] evil Bcc: attacker@evil.example body: latency");
        assertThat(received[0].getHeader("Bcc")).isNull();
        assertThat(Arrays.stream(received)
                        .flatMap(m -> {
                            try {
                                return Arrays.stream(m.getAllRecipients());
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .map(Address::toString))
                .doesNotContain("attacker@evil.example");
    }

    @Test
    void nonAsciiSubjectIsEncoded() throws Exception {
        assertThat(Subjects.safe("a\u0000b\tc\u2028d  e")).isEqualTo("a b c d e");
        var base = Messages.firing("k/firing", "facturación-€");
        channel().send(base);
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("[driftwatch] [FIRING critical] facturación-€: latency");
    }

    @Test
    void smtpDownIsADeliveryExceptionWithoutThePassword() {
        Channel unreachable =
                ChannelRegistry.standard().create(spec(1), ChannelDependencies.standard(Clock.systemUTC()));
        assertThatThrownBy(() -> unreachable.send(Messages.firing("k")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("channel 'oncall-email': Couldn't connect to host, port: 127.0.0.1, 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}

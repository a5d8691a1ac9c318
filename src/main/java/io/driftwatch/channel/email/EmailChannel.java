package io.driftwatch.channel.email;

import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.Channel;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.channel.ChannelType;
import io.driftwatch.channel.ChannelType.KeyKind;
import io.driftwatch.channel.ChannelType.Problem;
import io.driftwatch.channel.DeliveryException;
import io.driftwatch.channel.MessageText;
import io.driftwatch.config.Secret;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Email over SMTP (Jakarta Mail, Angus). {@code security}: {@code starttls} (default, port 587,
 * STARTTLS required), {@code ssl} (implicit TLS, port 465) or {@code none} (port 25, for a local relay).
 * Server certificates are verified, host name included. The body is multipart/alternative with a text
 * and an HTML part; {@code Message-ID} derives from the dedup key so mail systems can drop repeats.
 */
public final class EmailChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType(
            "email",
            List.of(
                    ChannelType.Key.required("host", KeyKind.STRING),
                    ChannelType.Key.optional("port", KeyKind.STRING),
                    ChannelType.Key.optional("security", KeyKind.STRING),
                    ChannelType.Key.optional("username", KeyKind.STRING),
                    ChannelType.Key.optional("password", KeyKind.SECRET),
                    ChannelType.Key.required("from", KeyKind.STRING),
                    ChannelType.Key.required("to", KeyKind.LIST),
                    ChannelType.Key.optional("subjectPrefix", KeyKind.STRING)),
            EmailChannel::validate,
            (spec, deps) -> new EmailChannel(spec));

    private final String name;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String subjectPrefix;

    EmailChannel(ChannelSpec spec) {
        this.name = spec.name();
        this.session = Session.getInstance(SmtpProperties.of(spec), authenticator(spec));
        try {
            this.from = new InternetAddress(spec.string("from", null), true);
            var recipients = new ArrayList<InternetAddress>();
            for (String address : addresses(spec)) recipients.add(new InternetAddress(address, true));
            this.to = recipients.toArray(InternetAddress[]::new);
        } catch (AddressException e) {
            throw new IllegalArgumentException("channel '" + name + "': invalid address", e);
        }
        this.subjectPrefix = spec.string("subjectPrefix", "[driftwatch]");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.type();
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        try {
            Transport.send(render(message));
        } catch (MessagingException e) {
            // Angus messages name the host and the SMTP reply, never the password.
            throw new DeliveryException("channel '" + name + "': " + oneLine(e), null, null);
        }
    }

    /** Builds the MIME message; package-private so tests can inspect it without a server. */
    MimeMessage render(AlertMessage message) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(session, MessageIds.forDedupKey(message.dedupKey()));
        mime.setFrom(from);
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        mime.setSubject(Subjects.safe(subjectPrefix + " " + message.title()), StandardCharsets.UTF_8.name());
        mime.setSentDate(java.util.Date.from(message.occurredAt()));
        mime.setHeader("X-Driftwatch-Dedup-Key", Subjects.safe(message.dedupKey()));
        mime.setHeader("X-Driftwatch-Event", message.event().label());
        String thread = MessageIds.forDedupKey(message.incidentKey());
        if (message.event() != AlertMessage.Event.FIRING && message.event() != AlertMessage.Event.TEST) {
            mime.setHeader("In-Reply-To", thread);
            mime.setHeader("References", thread);
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(MessageText.plain(message), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(MessageText.html(message), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    private static Authenticator authenticator(ChannelSpec spec) {
        String username = spec.string("username", null);
        Secret password = spec.secret("password");
        if (username == null || username.isEmpty()) return null;
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password == null ? "" : password.reveal());
            }
        };
    }

    static List<Problem> validate(ChannelSpec spec) {
        var problems = new ArrayList<Problem>();
        String security = spec.string("security", "starttls");
        if (!List.of("starttls", "ssl", "none").contains(security))
            problems.add(new Problem("security", "security must be one of starttls, ssl, none"));
        String port = spec.string("port", null);
        if (port != null && !port.matches("\\d{1,5}")) problems.add(new Problem("port", "port must be a number"));
        if (spec.secrets().containsKey("password") && !spec.strings().containsKey("username"))
            problems.add(new Problem("password", "password needs a username"));
        checkAddress(spec.string("from", ""), "from", problems);
        if (spec.lists().containsKey("to") && addresses(spec).isEmpty())
            problems.add(new Problem("to", "to must list at least one address"));
        for (String address : addresses(spec)) checkAddress(address, "to", problems);
        return problems;
    }

    /** {@code to} entries; one entry may hold several comma-separated addresses (from one env variable). */
    static List<String> addresses(ChannelSpec spec) {
        return spec.list("to").stream()
                .flatMap(entry -> java.util.Arrays.stream(entry.split(",")))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
    }

    private static void checkAddress(String address, String key, List<Problem> problems) {
        if (address.isEmpty()) return;
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            problems.add(new Problem(key, "'" + address + "' is not a valid email address"));
        }
    }

    private static String oneLine(MessagingException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) text += " (" + cause.getMessage() + ")";
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}

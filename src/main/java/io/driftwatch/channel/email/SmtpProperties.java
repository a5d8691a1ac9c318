package io.driftwatch.channel.email;

import io.driftwatch.channel.ChannelSpec;
import java.util.Properties;

/** Jakarta Mail session properties for one channel. Timeouts are bounded so a dead server cannot hang the dispatcher. */
final class SmtpProperties {
    static final String TIMEOUT_MILLIS = "15000";

    private SmtpProperties() {}

    static Properties of(ChannelSpec spec) {
        String security = spec.string("security", "starttls");
        String defaultPort = switch (security) {
            case "ssl" -> "465";
            case "none" -> "25";
            default -> "587";
        };
        String protocol = "ssl".equals(security) ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(prefix + "host", spec.string("host", "localhost"));
        props.setProperty(prefix + "port", spec.string("port", defaultPort));
        props.setProperty(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        props.setProperty(prefix + "timeout", TIMEOUT_MILLIS);
        props.setProperty(prefix + "writetimeout", TIMEOUT_MILLIS);
        String username = spec.string("username", "");
        props.setProperty(prefix + "auth", String.valueOf(!username.isEmpty()));
        if ("starttls".equals(security)) {
            props.setProperty(prefix + "starttls.enable", "true");
            props.setProperty(prefix + "starttls.required", "true");
        }
        if (!"none".equals(security)) {
            // Verify the server's certificate and that it names the host we connected to.
            props.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }
}

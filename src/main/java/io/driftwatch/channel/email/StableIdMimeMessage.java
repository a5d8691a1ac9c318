package io.driftwatch.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage whose Message-ID is given, not random ({@code saveChanges} would otherwise replace it). */
final class StableIdMimeMessage extends MimeMessage {
    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

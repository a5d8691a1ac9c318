package io.driftwatch.channel.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 5322 Message-IDs derived from dedup keys: a retried email keeps its id, so mail systems drop repeats. */
final class MessageIds {
    private MessageIds() {}

    static String forDedupKey(String dedupKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@driftwatch>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}

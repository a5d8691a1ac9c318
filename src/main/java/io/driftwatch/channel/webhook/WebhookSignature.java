package io.driftwatch.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Driftwatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}.
 * Signing the timestamp with the body lets a receiver reject replays older than its tolerance (as
 * Stripe's scheme does); {@link #verify} is the reference a receiver can copy.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Driftwatch-Signature";

    private WebhookSignature() {}

    public static String header(String secret, long unixSeconds, String rawBody) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + rawBody);
    }

    /** True when {@code header} carries a v1 signature of {@code rawBody} under {@code secret}. */
    public static boolean verify(String secret, String header, String rawBody) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) t = part.substring(2);
            else if (part.startsWith("v1=")) v1 = part.substring(3);
        }
        if (t == null || v1 == null) return false;
        byte[] expected = hmacHex(secret, t + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

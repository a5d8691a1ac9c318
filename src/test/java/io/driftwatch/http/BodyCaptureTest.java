package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyCaptureTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void secretAcrossTheCutIsMaskedWholeNotHalfShown() {
        String secret = "SECRET-0123456789";
        String body = "x".repeat(4090) + secret + "tail";

        String captured = BodyCapture.capture(utf8(body), Redactor.of(List.of(secret)), List.of());

        assertThat(captured)
                .hasSize(4096)
                .isEqualTo("x".repeat(4090) + "****" + "ta")
                .doesNotContain("SECRET");
    }

    @Test
    void callScopedTokensAreMasked() {
        String captured =
                BodyCapture.capture(utf8("{\"msg\":\"token tok-77 expired\"}"), Redactor.empty(), List.of("tok-77"));

        assertThat(captured).isEqualTo("{\"msg\":\"token **** expired\"}");
    }

    @Test
    void multiByteTextIsCutOnACharacterBoundary() {
        String body = "€".repeat(5000) + "😀".repeat(10);

        String captured = BodyCapture.capture(utf8(body), Redactor.empty(), List.of());

        assertThat(captured).isEqualTo("€".repeat(4096));
    }

    @Test
    void emptyBodyCapturesNothing() {
        assertThat(BodyCapture.capture(new byte[0], Redactor.empty(), List.of()))
                .isNull();
    }
}

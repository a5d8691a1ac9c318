package io.driftwatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    static StatusView.Row row(String id, StatusView.State state, String problem) {
        return new StatusView.Row(
                id,
                "d-" + id,
                "local",
                state,
                NOW.minusSeconds(12),
                240.0,
                100.0,
                state == StatusView.State.FAIL ? 1 : 0,
                problem);
    }

    @Test
    void failingProbesComeFirstThenDegradedPendingAndPassing() {
        String html = StatusPage.render(new StatusView(
                NOW,
                List.of(
                        row("a-pass", StatusView.State.PASS, null),
                        row("b-pending", StatusView.State.PENDING, null),
                        row("c-fail", StatusView.State.FAIL, "status 500, expected 200"),
                        row("d-degraded", StatusView.State.DEGRADED, "latency 240 ms over 150 ms")),
                1,
                true));
        assertThat(html.indexOf("c-fail"))
                .isLessThan(html.indexOf("d-degraded"))
                .isLessThan(html.indexOf("b-pending"));
        assertThat(html.indexOf("b-pending")).isLessThan(html.indexOf("a-pass"));
        assertThat(html)
                .contains("4 probes")
                .contains("12 s ago")
                .contains("240 ms (2.4&times;)")
                .contains("status 500, expected 200")
                .contains("Open alerts: <strong>1</strong>");
    }

    @Test
    void userTextIsEscapedAndThePageLoadsNothingExternal() {
        String html = StatusPage.render(new StatusView(
                NOW,
                List.of(new StatusView.Row(
                        "x",
                        "<script>alert(1)</script>",
                        null,
                        StatusView.State.FAIL,
                        null,
                        null,
                        null,
                        0,
                        "expected \"<b>\" & got 'x'")),
                0,
                false));
        assertThat(html)
                .doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("expected &quot;&lt;b&gt;&quot; &amp; got &#39;x&#39;")
                .contains("never")
                .contains("no baseline")
                .contains("unknown (alert store unavailable)");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void emptyConfigurationSaysHowToStart() {
        assertThat(StatusPage.render(new StatusView(NOW, List.of(), 0, true))).contains("No probes are loaded");
    }

    @Test
    void agesReadNaturally() {
        assertThat(HtmlPage.ago(java.time.Duration.ofSeconds(5))).isEqualTo("5 s ago");
        assertThat(HtmlPage.ago(java.time.Duration.ofMinutes(30))).isEqualTo("30 min ago");
        assertThat(HtmlPage.ago(java.time.Duration.ofHours(5))).isEqualTo("5 h ago");
        assertThat(HtmlPage.ago(java.time.Duration.ofDays(3))).isEqualTo("3 d ago");
    }
}

package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.sandbox.Sandbox;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import io.driftwatch.testing.LoopbackSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor gauges as Prometheus scrapes them from a daemon running the shipped probes on the sandbox:
 * the Salesforce quota ratio from Sforce-Limit-Info and the QuickBooks refresh-token expiry.
 */
class VendorMetricsDaemonTest {
    @TempDir
    Path dir;

    @Test
    void scrapeShowsQuotaRatioAndRefreshTokenExpiry() throws Exception {
        Duration refreshLife = Duration.ofDays(37);
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder()
                .keyDirectory(dir.resolve("keys"))
                .qboRefreshTokenLifetime(refreshLife)
                .scenarios(List.of(Scenario.parse("quota-usage:used=870,max=1000")))
                .build())) {
            var settings = LoopbackSettings.under(
                    dir, ShippedConfigTest.repo().resolve("probes"), new HashMap<>(sandbox.environment()));
            try (Daemon daemon = new Daemon(settings, Clock.systemUTC()).start()) {
                for (String id : List.of("sf-limits", "qbo-invoice-read")) {
                    daemon.engine()
                            .runner()
                            .run(
                                    daemon.engine().active().probes().get(id),
                                    Clock.systemUTC().instant());
                }
                String scrape = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();

                // Usage counts the probe's own request on top of the scenario's 870.
                double ratio = value(scrape, "driftwatch_vendor_quota_used_ratio", "salesforce");
                assertThat(ratio).isBetween(0.87, 0.875);
                double seconds = value(scrape, "driftwatch_vendor_refresh_token_expiry_seconds", "quickbooks");
                assertThat(seconds)
                        .isBetween((double) refreshLife.minusMinutes(5).toSeconds(), (double) refreshLife.toSeconds());
                assertThat(scrape).doesNotContain("driftwatch_vendor_quota_used_ratio{connection=\"quickbooks\"");

                Path promtool = promtool();
                Assumptions.assumeTrue(promtool != null, "promtool not installed; skipping check metrics");
                Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
                        .redirectErrorStream(true)
                        .start();
                p.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
            }
        }
    }

    static double value(String scrape, String name, String connection) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{connection=\"" + connection + "\"[^}]*} (\\S+)$")
                .matcher(scrape);
        assertThat(m.find())
                .as("%s{connection=%s} in:%n%s", name, connection, grep(scrape, name))
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    static String grep(String scrape, String name) {
        List<String> lines = new ArrayList<>();
        for (String l : scrape.split("\n")) if (l.contains(name)) lines.add(l);
        return String.join("\n", lines);
    }

    static Path promtool() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "promtool");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}

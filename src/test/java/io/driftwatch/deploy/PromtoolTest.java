package io.driftwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.metrics.DriftwatchMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus configuration, rules and rule tests shipped in deploy/prometheus, and the daemon's
 * metric exposition, pass promtool. Skipped with a reason where promtool is not installed (Debian
 * package {@code prometheus}).
 */
class PromtoolTest {
    static Path promtool;
    static final Path DEPLOY =
            Path.of(System.getProperty("driftwatch.repo.root", ".")).resolve("deploy/prometheus");

    @BeforeAll
    static void findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) promtool = p;
        }
        Assumptions.assumeTrue(promtool != null, "promtool not installed (apt-get install prometheus); skipping");
    }

    record Result(int exit, String output) {}

    static Result promtool(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(promtool.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(DEPLOY.toFile())
                .redirectErrorStream(true)
                .start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void configAndRulesAreValid() throws Exception {
        Result config = promtool(null, "check", "config", "prometheus.yml");
        assertThat(config.exit()).as(config.output()).isZero();
        Result rules = promtool(null, "check", "rules", "rules.yml");
        assertThat(rules.exit()).as(rules.output()).isZero();
    }

    @Test
    void ruleUnitTestsPass() throws Exception {
        Result tests = promtool(null, "test", "rules", "rules_test.yml");
        assertThat(tests.exit()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
    }

    @Test
    void exposedMetricsPassCheckMetrics() throws Exception {
        var metrics = new DriftwatchMetrics().withJvmMetrics();
        metrics.probeLoaded("qbo-invoice-read", "quickbooks", "quickbooks");
        metrics.recordRun("qbo-invoice-read", "pass", 120_000_000L, true);
        metrics.configReloaded(true, 1_700_000_000L, 1);
        Result check = promtool(metrics.scrape(), "check", "metrics");
        // promtool exits non-zero on naming problems; it prints lint hints for them.
        assertThat(check.exit()).as(check.output()).isZero();
    }
}

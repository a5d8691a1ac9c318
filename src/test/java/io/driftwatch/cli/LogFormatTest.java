package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shipped log configurations, in a fresh JVM each: human-readable lines by default, one JSON
 * object per line with DRIFTWATCH_LOG_FORMAT=json (Main selects logback-json.xml); both carry the id
 * of the probe whose run a line belongs to.
 */
class LogFormatTest {

    /** Runs in the child JVM: one line inside a probe run, one outside, one below the level. */
    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("io.driftwatch.probe.ProbeRunner");
        try (var ignored = MDC.putCloseable("probe", "qbo-invoice-read")) {
            log.warn("token refresh failed: {}", "invalid_grant");
        }
        log.info("driftwatch listening");
        log.debug("not shown at the default level");
    }

    static String[] logWith(String configuration) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dlogback.configurationFile=" + configuration,
                        LogFormatTest.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return err.lines().toArray(String[]::new);
    }

    @Test
    void defaultLinesAreReadableAndNameTheProbe() throws Exception {
        String[] lines = logWith("logback.xml");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .matches("\\d{4}-\\d\\d-\\d\\dT.*")
                .contains("WARN")
                .contains("probe=qbo-invoice-read")
                .endsWith("- token refresh failed: invalid_grant");
        // A line outside a probe run has no empty probe= marker.
        assertThat(lines[1]).contains("INFO").doesNotContain("probe=").endsWith("- driftwatch listening");
    }

    @Test
    void jsonLinesCarryTheProbeAsAField() throws Exception {
        String[] lines = logWith("logback-json.xml");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("probe").asText()).isEqualTo("qbo-invoice-read");
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("message").asText()).isEqualTo("token refresh failed: invalid_grant");
        assertThat(first.has("@timestamp")).isTrue();
        assertThat(new ObjectMapper().readTree(lines[1]).has("probe")).isFalse();
    }
}

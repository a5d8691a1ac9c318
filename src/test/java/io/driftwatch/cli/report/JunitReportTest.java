package io.driftwatch.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Outcome;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.support.Fixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class JunitReportTest {
    @TempDir
    Path dir;

    @Test
    void oneSuitePerProbeOneCasePerCheckFailuresParsedBack() throws Exception {
        var ok = new ProbeResult(
                "good",
                "c",
                Instant.EPOCH,
                Instant.EPOCH,
                Outcome.PASS,
                null,
                Fixtures.response(200, "application/json", "{}", 12),
                List.of("request", "status"),
                List.of());
        var bad = new ProbeResult(
                "bad",
                "c",
                Instant.EPOCH,
                Instant.EPOCH,
                Outcome.FAIL,
                "http-status",
                Fixtures.response(500, "text/plain", "x", 30),
                List.of("request", "status", "latency"),
                List.of(Finding.fail("status", "http-status", "expected status 2xx, got 500 <&> s3cr3t-value")));
        Path file = dir.resolve("out/junit.xml");
        JunitReport.write(file, List.of(ok, bad), s -> s.replace("s3cr3t-value", "****"));

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element badSuite = (Element) suites.item(1);
        assertThat(badSuite.getAttribute("name")).isEqualTo("bad");
        assertThat(badSuite.getAttribute("tests")).isEqualTo("3");
        assertThat(badSuite.getAttribute("failures")).isEqualTo("1");
        var failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected status 2xx, got 500 <&> ****");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("status");
        assertThat(java.nio.file.Files.readString(file)).doesNotContain("s3cr3t-value");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("5");
    }
}

package io.driftwatch.http;

import static io.driftwatch.http.Fixtures.get;
import static io.driftwatch.http.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.RetrySpec;
import io.driftwatch.finding.FindingKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class HttpExecutorTlsTest {
    private static SelfSignedCertificate cert;
    private static TestServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cert = SelfSignedCertificate.generate(dir, 30);
        server = TestServer.https(cert.serverContext());
        server.on("/secure", ex -> TestServer.respond(ex, 200, "application/json", "{\"tls\":true}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void untrustedCertificateFailsAsTlsAndIsNotRetried() {
        var sleeper = new RecordingSleeper();
        long servedBefore = server.count("/secure");

        var defaultTrust = HttpClients.newShared(null, Fixtures.SLOW_MACHINE);

        Exchange e = Fixtures.executor(defaultTrust, Fixtures.CLOCK, sleeper, Redactor.empty(), AuditLog.NONE)
                .execute(get(server.uri("/secure")), options(RetrySpec.DEFAULT), AuthProvider.NONE);

        assertThat(e.failure().kind()).isEqualTo(FindingKind.TLS);
        assertThat(e.failure().message())
                .isEqualTo("TLS handshake with 127.0.0.1:" + server.port()
                        + " failed: unable to find valid certification path to requested target");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(server.count("/secure")).as("no request reached the handler").isEqualTo(servedBefore);
    }

    @Test
    void explicitlyTrustedCertificateReportsDaysLeft() throws Exception {
        // 12 days and one hour before notAfter on the injected clock
        var clock = Clock.fixed(
                cert.certificate
                        .getNotAfter()
                        .toInstant()
                        .minus(Duration.ofDays(12).plusHours(1)),
                ZoneOffset.UTC);
        var client = HttpClients.newShared(cert.trustingContext(), Fixtures.SLOW_MACHINE);

        Exchange e = Fixtures.executor(client, clock, new RecordingSleeper(), Redactor.empty(), AuditLog.NONE)
                .execute(get(server.uri("/secure")), options(RetrySpec.NONE), AuthProvider.NONE);

        assertThat(e.failure()).isNull();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.certificateDaysLeft()).isEqualTo(12);
        client.close();
    }

    @Test
    void freshConnectionModeOpensANewClientPerRun() throws Exception {
        HttpClientSource fresh = HttpClients.freshPerRun(cert.trustingContext(), Fixtures.SLOW_MACHINE);
        var executor = new HttpExecutor(
                fresh,
                Fixtures.CLOCK,
                new RecordingSleeper(),
                RedactorHolder.of(Redactor.empty()),
                AuditLog.NONE,
                new java.util.SplittableRandom(1));

        Exchange first = executor.execute(get(server.uri("/secure")), options(RetrySpec.NONE), AuthProvider.NONE);
        Exchange second = executor.execute(get(server.uri("/secure")), options(RetrySpec.NONE), AuthProvider.NONE);

        assertThat(first.failure()).isNull();
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.certificateDaysLeft()).isNotNull();
    }
}

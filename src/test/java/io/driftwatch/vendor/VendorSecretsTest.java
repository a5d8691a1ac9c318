package io.driftwatch.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.AuthException;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.sandbox.SandboxConfig;
import io.driftwatch.sandbox.Scenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The client secret, refresh and access tokens, the private key and Smarty's auth-token never appear in
 * logs, audit records, findings, exception messages or auth status, on success and on every failure path.
 */
class VendorSecretsTest {
    @TempDir
    static Path keys;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Set<String> rotated = ConcurrentHashMap.newKeySet();
    private VendorHarness h;
    private Logger driftwatch;
    private Level before;

    @BeforeEach
    void start() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        driftwatch = context.getLogger("io.driftwatch");
        before = driftwatch.getLevel();
        driftwatch.setLevel(Level.DEBUG);
        logs.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        var store = new InMemoryTokenStore() {
            @Override
            public synchronized boolean save(String id, long expected, Stored next) {
                rotated.add(next.refreshToken().reveal());
                return super.save(id, expected, next);
            }
        };
        h = new VendorHarness(SandboxConfig.builder(), keys, store);
    }

    @AfterEach
    void stop() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        driftwatch.setLevel(before);
        h.close();
    }

    @Test
    void noSecretLeaksOnAnyPath() throws Exception {
        var texts = new ArrayList<String>();
        runAll(texts);
        var accessTokens = List.of(accessToken("quickbooks"), accessToken("salesforce"));
        for (String scenario : List.of("throttle-storm", "server-errors", "html-error", "fault-200", "revoked-token")) {
            h.sandbox.setScenario(Scenario.of(scenario));
            runAll(texts);
            h.sandbox.resetScenarios();
        }
        texts.add(failure("quickbooks", Map.of(), Map.of("clientSecret", "wrong-secret-value")));
        texts.add(failure("salesforce", Map.of("username", "nobody@example.com"), Map.of()));

        var creds = h.sandbox.credentials();
        var secrets = new ArrayList<String>(List.of(
                creds.qboClientSecret(),
                creds.qboInitialRefreshToken(),
                creds.salesforceConsumerSecret(),
                creds.smartyAuthToken()));
        secrets.addAll(rotated);
        assertThat(rotated).isNotEmpty();
        secrets.addAll(accessTokens);
        for (String line : Files.readAllLines(creds.salesforcePrivateKeyPem())) {
            if (!line.startsWith("-----")) secrets.add(line);
        }

        logs.list.forEach(e -> {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        });
        h.audit.forEach(r -> texts.add(r.toString()));
        texts.add(h.support.authStatuses().all().toString());
        assertThat(logs.list).isNotEmpty();
        assertThat(h.audit).isNotEmpty();
        for (String text : texts) {
            for (String secret : secrets) assertThat(text).doesNotContain(secret);
        }
    }

    private void runAll(List<String> texts) {
        for (ProbeDefinition p : h.config.probes()) {
            ProbeResult r = h.runner.run(p, h.clock.instant());
            texts.add(r.findings().toString());
            if (r.exchange() != null)
                texts.add(r.exchange().url() + " " + r.exchange().failure());
        }
    }

    private String failure(String connection, Map<String, String> settings, Map<String, String> secrets) {
        var c = Connections.withAuth(h.connection(connection), null, settings, secrets);
        try {
            h.authProviders.create(c).authorize(new OutgoingRequest("GET", URI.create("http://x/"), Map.of(), null));
            throw new AssertionError("expected an AuthException");
        } catch (AuthException e) {
            return e.getMessage() + " "
                    + Optional.ofNullable(e.getCause()).map(Throwable::toString).orElse("");
        }
    }

    private String accessToken(String connection) throws AuthException {
        String header = h.auth(h.connection(connection))
                .authorize(new OutgoingRequest("GET", URI.create("http://x/"), Map.of(), null))
                .headers()
                .get("Authorization")
                .get(0);
        return header.substring("Bearer ".length());
    }
}

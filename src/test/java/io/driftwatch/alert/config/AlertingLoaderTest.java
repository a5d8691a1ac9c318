package io.driftwatch.alert.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertingLoaderTest {
    static final Map<String, String> ENV = Map.of("HOOK_SECRET", "s3cr3t-hook", "SMTP_PASSWORD", "pw-123");
    static final String CHANNELS = """
            channels:
              mail:
                type: email
                host: smtp.example.com
                username: alerts
                password: ${SMTP_PASSWORD}
                from: driftwatch@example.com
                to: [a@example.com, "b@example.com, c@example.com"]
              hook:
                type: webhook
                url: https://hooks.example.com/x
                secret: ${HOOK_SECRET}
            """;

    @TempDir
    Path dir;

    AlertingLoader.Result load(String yaml) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), yaml);
        return new AlertingLoader(ChannelRegistry.standard()).loadDirectory(dir, ENV);
    }

    List<String> problems(String yaml) throws IOException {
        return load(yaml).problems().stream()
                .map(p -> p.toString().replace(dir + "/", ""))
                .toList();
    }

    @Test
    void validConfigLoadsWithDefaultsAndSecrets() throws IOException {
        var result = load(CHANNELS + """
                routes:
                  - name: money
                    match: { kind: totals, labels: { team: finance } }
                    channels: [mail]
                    failureThreshold: 1
                  - name: rest
                    channels: [hook]
                """);
        assertThat(result.problems()).isEmpty();
        AlertingConfig config = result.config();
        ChannelSpec mail = config.channel("mail").orElseThrow();
        assertThat(mail.secret("password").reveal()).isEqualTo("pw-123");
        assertThat(mail.toString()).doesNotContain("pw-123");
        assertThat(config.defaults()).isEqualTo(Thresholds.DEFAULT);
        assertThat(config.delivery().deadLetterAfter()).isEqualTo(Duration.ofHours(24));
        var money = new AlertSubject("p", "quickbooks", "critical", Set.of("totals"), Map.of("team", "finance"));
        assertThat(config.route(money, null).channels()).containsExactly("mail");
        assertThat(config.route(money, null).thresholds().failureThreshold()).isEqualTo(1);
        var other = new AlertSubject("p", "quickbooks", "critical", Set.of("latency"), Map.of());
        assertThat(config.route(other, null).channels()).containsExactly("hook");
        assertThat(config.route(other, "money").channels()).containsExactly("mail");
    }

    @Test
    void everyProblemIsReportedWithFileLineAndColumn() throws IOException {
        assertThat(problems("""
                channels:
                  mail:
                    type: email
                    host: smtp.example.com
                    password: literal-password
                    to: []
                    colour: red
                  hook:
                    type: carrier-pigeon
                routes:
                  - name: r
                    channels: [mail, pager]
                    repeat: often
                    match: { severity: urgent, colour: red }
                defaults:
                  failureThreshold: 0
                  channels: [nowhere]
                """))
                .containsExactly(
                        "a.yaml:3:5: missing required key 'from' in channel 'mail'",
                        "a.yaml:5:15: secret 'password' in channel 'mail' must come from an environment variable, e.g. ${MAIL_PASSWORD}",
                        "a.yaml:6:9: to must list at least one address in channel 'mail'",
                        "a.yaml:7:5: unknown key 'colour' in channel 'mail' (expected one of from, host, password, port, security, subjectPrefix, to, type, username)",
                        "a.yaml:9:11: unknown channel type 'carrier-pigeon' (expected one of email, pagerduty, slack, teams, webhook)",
                        "a.yaml:11:5: route 'r' uses unknown channel 'pager'",
                        "a.yaml:13:13: 'repeat' must be a duration like 30s, 5m, 4h or 1h30m",
                        "a.yaml:14:24: unknown severity 'urgent' (expected info, warning, critical)",
                        "a.yaml:14:32: unknown key 'colour' in 'match' (expected one of kind, labels, probe, severity, vendor)",
                        "a.yaml:16:3: defaults use unknown channel 'nowhere'",
                        "a.yaml:16:21: 'failureThreshold' must be a whole number >= 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            channels: { h: { type: webhook, url: 'https://x', secret: '${MISSING}' } }                 | a.yaml:1:59: environment variable MISSING is not set
            channels: { h: { type: webhook, url: 'ftp://x', secret: '${HOOK_SECRET}' } }               | a.yaml:1:38: url must be an http or https URL in channel 'h'
            channels: { p: { type: pagerduty, routingKey: '${HOOK_SECRET}' } }                        | a.yaml:1:47: routingKey must be the 32-character integration key in channel 'p'
            routes: [ { name: r, channels: [] , repeat: 5x } ]                                        | a.yaml:1:45: 'repeat' must be a duration like 30s, 5m, 4h or 1h30m
            routes: [ { channels: [] } ]                                                              | a.yaml:1:11: missing required key 'name' in route #1
            maintenance: [ { name: m, from: '25:00', to: '02:00' } ]                                  | a.yaml:1:33: 'from' must be a time like 22:00
            maintenance: [ { name: m, days: [funday], from: '01:00', to: '02:00' } ]                  | a.yaml:1:33: unknown day 'funday' (expected mon, tue, wed, thu, fri, sat, sun)
            maintenance: [ { name: m, timezone: Mars/Olympus, from: '01:00', to: '02:00' } ]          | a.yaml:1:37: 'timezone' is not a known time zone: Mars/Olympus
            maintenance: [ { name: m } ]                                                              | a.yaml:1:16: maintenance window #1 needs either start and end, or from and to (with optional days)
            maintenance: [ { name: m, start: '2026-01-02T00:00:00Z', end: '2026-01-01T00:00:00Z' } ]  | a.yaml:1:63: 'end' must be after 'start'
            silences: [ { match: {}, end: '2026-01-01T00:00:00Z' } ]                                  | a.yaml:1:13: missing required key 'comment' in silence #1
            defaults: { sendResolved: maybe }                                                         | a.yaml:1:27: 'sendResolved' must be true or false
            alerts: {}                                                                                | a.yaml:1:1: unknown key 'alerts' in an alerting file (expected one of channels, defaults, maintenance, routes, settings, silences)
            'routes: [ { name: r'                                                                     | a.yaml:1:20: invalid YAML: expected ',' or '}', but got <stream end>
            """)
    void oneProblemPerBadFixture(String yaml, String expected) throws IOException {
        assertThat(problems(yaml)).containsExactly(expected);
    }

    @Test
    void duplicatesAcrossFilesNameTheFirstDefinition() throws IOException {
        Files.writeString(
                dir.resolve("b.yaml"), "defaults: {}\nchannels:\n  hook: { type: slack, url: '${HOOK_SECRET}' }\n");
        assertThat(problems(CHANNELS + "defaults: {}\n"))
                .containsExactly(
                        "b.yaml:1:1: 'defaults' is already defined at a.yaml:13:1",
                        "b.yaml:3:3: channel 'hook' is already defined at a.yaml:9:3");
    }

    @Test
    void recurringMaintenanceFollowsTheZonesWallClock() throws IOException {
        var result = load("""
                maintenance:
                  - name: weekly
                    timezone: America/Los_Angeles
                    days: [sun]
                    from: "23:00"
                    to: "01:00"
                """);
        assertThat(result.problems()).isEmpty();
        MaintenanceWindow w = result.config().maintenance().get(0);
        assertThat(w.days()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(w.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        // Sunday 2026-03-08 is the DST switch in Los Angeles: 23:00 PDT = 06:00Z Monday.
        assertThat(w.activeAt(Instant.parse("2026-03-09T05:59:00Z"))).isFalse();
        assertThat(w.activeAt(Instant.parse("2026-03-09T06:00:00Z"))).isTrue();
        assertThat(w.activeAt(Instant.parse("2026-03-09T07:59:00Z"))).isTrue(); // 00:59 Monday, crossing midnight
        assertThat(w.activeAt(Instant.parse("2026-03-09T08:00:00Z"))).isFalse();
        // In winter the same wall-clock window is an hour later in UTC.
        assertThat(w.activeAt(Instant.parse("2026-01-05T06:30:00Z"))).isFalse();
        assertThat(w.activeAt(Instant.parse("2026-01-05T07:30:00Z"))).isTrue();
    }

    @Test
    void envSubstitutionDefaultsAndEscapes() {
        var missing = new java.util.ArrayList<String>();
        assertThat(EnvSubstitution.apply("${A}-${B:-dflt}-${C:-}-$${A}", Map.of("A", "x"), missing::add))
                .isEqualTo("x-dflt--${A}");
        assertThat(EnvSubstitution.apply("${NOPE}", Map.of(), missing::add)).isEmpty();
        assertThat(missing).containsExactly("NOPE");
    }

    @Test
    void durations() {
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
        assertThat(Durations.parse("4 h")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}

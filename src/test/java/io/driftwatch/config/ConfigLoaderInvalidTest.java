package io.driftwatch.config;

import static io.driftwatch.config.Fixtures.expected;
import static io.driftwatch.config.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One fixture folder per rule under src/test/resources/config/invalid/; the message text is API. */
class ConfigLoaderInvalidTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static void assertProblems(String rule, Map<String, String> env, String... lines) {
        assertThat(problems(rule, env)).containsExactlyElementsOf(expected(rule, lines));
    }

    private static void assertProblems(String rule, String... lines) {
        assertProblems(rule, NO_ENV, lines);
    }

    @Test
    void unknownKey() {
        assertProblems(
                "unknown-key",
                "probe.yaml:4:3: unknown key 'timout' in request (expected one of: method, path, query, headers, body,"
                        + " timeout, retries, maxBodySize, captureBodyOnFailure, paginate)");
    }

    @Test
    void wrongType() {
        assertProblems(
                "wrong-type",
                "probe.yaml:4:25: request.captureBodyOnFailure: expected true or false, got 'sometimes'",
                "probe.yaml:6:11: expect.status: expected an integer, a status class like 2xx, or a list of them,"
                        + " got 'abc'");
    }

    @Test
    void badDuration() {
        assertProblems(
                "bad-duration",
                "probe.yaml:4:12: request.timeout: expected a positive duration like 200ms, 5s, 1m, 2h, 1d or"
                        + " ISO-8601 PT5S, got '5 seconds'");
    }

    @Test
    void badCron() {
        assertProblems(
                "bad-cron",
                "probe.yaml:3:9: schedule.cron: invalid Quartz cron expression '0 */5 * * *': Unexpected end of"
                        + " expression.");
    }

    @Test
    void bothEveryAndCron() {
        assertProblems(
                "every-and-cron", "probe.yaml:3:3: schedule: expected exactly one of 'every' or 'cron', got both");
    }

    @Test
    void invalidJsonPath() {
        assertProblems(
                "invalid-jsonpath",
                "probe.yaml:6:13: expect.assertions[0].path: invalid JSONPath '$.Invoice[?(@.x ==]': Could not parse"
                        + " token starting at position 9. Expected ?, ', 0-9, *");
    }

    @Test
    void invalidRegex() {
        assertProblems(
                "invalid-regex",
                "probe.yaml:6:47: expect.assertions[0].matches: invalid regular expression '([0-9]+': Unclosed group"
                        + " near index 7");
    }

    @Test
    void duplicateIdIsReportedOnTheLaterFileNamingTheFirst() {
        Path first = Fixtures.INVALID.resolve("duplicate-id/a.yaml");
        assertProblems("duplicate-id", "b.yaml:2:1: duplicate probe id 'same-id' (first defined at " + first + ":1:1)");
    }

    @Test
    void missingEnvironmentVariable() {
        assertProblems(
                "missing-env-var",
                "probe.yaml:4:9: environment variable QBO_REALM_ID is not set (used in request.path)");
        assertThat(problems("missing-env-var", Map.of("QBO_REALM_ID", "123"))).isEmpty();
    }

    @Test
    void unknownConnection() {
        assertProblems(
                "unknown-connection",
                "probe.yaml:2:13: connection: unknown connection 'quickbook' (known connections: quickbooks, smarty)");
    }

    @Test
    void badIdCharacters() {
        assertProblems(
                "bad-id",
                "probe.yaml:1:5: id: expected lower-case letters, digits and '-' ([a-z0-9-]+), got 'QBO_Invoice'");
    }

    @Test
    void degradedMustBeBelowMax() {
        assertProblems(
                "degraded-not-below-max",
                "probe.yaml:5:36: expect.latency.degraded (250ms) must be less than expect.latency.max (200ms)");
    }

    @Test
    void badStatus() {
        assertProblems(
                "bad-status",
                "probe.yaml:5:17: expect.status[1]: expected an integer or a status class like 2xx, got '2xy'",
                "probe.yaml:5:22: expect.status[2]: expected an HTTP status from 100 to 599, got '700'");
    }

    @Test
    void badUrlInConnection() {
        assertProblems(
                "bad-connection-url",
                "connections/vendor.yaml:1:10: baseUrl: expected an absolute http or https URL, got"
                        + " 'ftp://files.example.test/api'");
    }

    @Test
    void unknownAuthField() {
        assertProblems(
                "unknown-auth-field",
                Map.of("API_TOKEN", "api-token-value"),
                "connections/vendor.yaml:3:3: auth.token is required (or auth.tokenFile)",
                "connections/vendor.yaml:4:3: unknown key 'tokn' in auth (expected one of: type, token, tokenFile)");
    }

    @Test
    void missingRequestPath() {
        assertProblems("missing-request-path", "probe.yaml:3:3: request.path is required");
    }

    @Test
    void yamlSyntaxErrorCarriesSnakeYamlsProblemAndLine() {
        assertProblems(
                "yaml-syntax",
                "probe.yaml:5:7: invalid YAML: expected ',' or '}', but got : (while parsing a flow mapping started"
                        + " at line 4, column 10)");
    }

    @Test
    void emptyFile() {
        assertProblems("empty-file", "probe.yaml:1:1: empty file (expected a probe definition)");
    }

    @Test
    void duplicateKey() {
        assertProblems("duplicate-key", "probe.yaml:4:3: duplicate key 'path' in request (first at line 3)");
    }

    @Test
    void aBrokenConnectionFileIsReportedOnceNotAgainByEachProbeUsingIt() {
        assertProblems(
                "broken-connection",
                "connections/quickbooks.yaml:3:1: invalid YAML: expected ',' or '}', but got <stream end> (while"
                        + " parsing a flow mapping started at line 2, column 7)");
    }

    @Test
    void duplicateConnectionId() {
        Path first = Fixtures.INVALID.resolve("duplicate-connection-id/connections/a.yaml");
        assertProblems(
                "duplicate-connection-id",
                "connections/b.yaml:2:1: duplicate connection id 'shared' (first defined at " + first + ":1:1)");
    }

    @Test
    void documentMustBeAMapping() {
        assertProblems("not-a-mapping", "probe.yaml:1:1: expected a mapping (a probe definition), got a list");
    }

    @Test
    void missingSecretFileNamesFileAndLine() {
        assertProblems(
                "missing-secret-file",
                "connections/partner.yaml:5:17: auth.passwordFile: cannot read secret file"
                        + " '/nonexistent/driftwatch/partner-password': file not found");
    }

    @Test
    void assertionNeedsExactlyOneOperator() {
        assertProblems(
                "assertion-operators",
                "probe.yaml:6:7: expect.assertions[0]: expected exactly one of exists, equals, matches, lessThan,"
                        + " greaterThan, length, type (found: exists, equals)",
                "probe.yaml:7:7: expect.assertions[1]: expected exactly one of exists, equals, matches, lessThan,"
                        + " greaterThan, length, type (found none)",
                "probe.yaml:8:28: expect.assertions[2].type: expected one of string, number, integer, boolean,"
                        + " object, array, null, got 'text'");
    }

    @Test
    void everyConnectionProblemIsReported() {
        assertProblems(
                "connection-problems",
                "connections/bad.yaml:1:5: id: expected lower-case letters, digits and '-' ([a-z0-9-]+), got"
                        + " 'Bad_Id'",
                "connections/bad.yaml:2:9: vendor: expected one of generic, quickbooks, salesforce, smarty, got 'sap'",
                "connections/bad.yaml:4:17: maxConcurrency: expected a whole number >= 1, got '0'",
                "connections/bad.yaml:6:3: auth.name is required",
                "connections/bad.yaml:7:10: environment variable API_KEY is not set (used in auth.value)",
                "connections/bad.yaml:8:7: auth.in: expected one of header, query, got 'body'");
    }

    @Test
    void everyRequestScheduleAndAlertProblemIsReported() {
        assertProblems(
                "request-problems",
                "probe.yaml:3:11: request.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, got"
                        + " 'get'",
                "probe.yaml:4:9: request.path: expected an absolute http or https URL (the probe has no connection),"
                        + " got 'health'",
                "probe.yaml:5:24: request.retries.attempts: expected a whole number >= 1, got '0'",
                "probe.yaml:5:36: request.retries.backoff (10s) must not exceed request.retries.maxBackoff (1s)",
                "probe.yaml:6:16: request.maxBodySize: expected a size like 512KB, 5MB or a number of bytes, got"
                        + " '5 parsecs'",
                "probe.yaml:7:9: request.body: expected a string, a mapping or a list, got '42'",
                "probe.yaml:9:10: schedule.every: expected a positive duration like 200ms, 5s, 1m, 2h, 1d or"
                        + " ISO-8601 PT5S, got '0s'",
                "probe.yaml:10:9: schedule.zone: applies only to 'cron' schedules",
                "probe.yaml:11:20: alert.severity: expected one of info, warning, critical, got 'page'",
                "probe.yaml:12:10: runbook: expected an absolute http or https URL, got 'wiki/runbooks/x'");
    }

    @Test
    void aFileWithThreeProblemsYieldsAllThree() {
        assertProblems(
                "three-problems",
                "probe.yaml:4:12: request.timeout: expected a positive duration like 200ms, 5s, 1m, 2h, 1d or"
                        + " ISO-8601 PT5S, got 'soon'",
                "probe.yaml:5:3: unknown key 'verb' in request (expected one of: method, path, query, headers, body,"
                        + " timeout, retries, maxBodySize, captureBodyOnFailure, paginate)",
                "probe.yaml:8:34: expect.assertions[0].matches: invalid regular expression '[a-': Illegal character"
                        + " range near index 3");
    }

    @Test
    void everyReconcileSideProblemIsReported() {
        assertProblems(
                "reconcile-problems",
                "probe.yaml:3:12: tolerance: expected a number >= 0, got '-0.01'",
                "probe.yaml:5:3: source.amount is required",
                "probe.yaml:5:15: source.connection: unknown connection 'salesforce' (known connections: quickbooks,"
                        + " smarty)",
                "probe.yaml:6:28: unknown key 'timout' in source.request (expected one of: method, path, query,"
                        + " headers, body, timeout, retries, maxBodySize, captureBodyOnFailure, paginate)",
                "probe.yaml:8:8: source.key: invalid JSONPath '$.Id[?(@.x ==]': Could not parse token starting at"
                        + " position 4. Expected ?, ', 0-9, *",
                "probe.yaml:9:3: unknown key 'amonut' in source (expected one of: name, connection, request, file,"
                        + " records, nextPage, key, amount, currency)",
                "probe.yaml:11:3: target: give either connection and request, or file, not both",
                "probe.yaml:12:9: target.file: file not found: " + Fixtures.INVALID.resolve("reconcile-problems")
                        + "/invoices.json");
    }

    @Test
    void reconcileAndHttpKeysDoNotMix() {
        assertProblems(
                "reconcile-misplaced-keys",
                "probe.yaml:3:1: request: not used by kind: reconcile probes (each side has its own connection and"
                        + " request)",
                "probe.yaml:4:1: expect: not used by kind: reconcile probes (each side has its own connection and"
                        + " request)",
                "probe.yaml:5:17: source.file: file not found: " + Fixtures.INVALID.resolve("reconcile-misplaced-keys")
                        + "/missing.json",
                "probe.yaml:6:9: target: needs connection and request, or file",
                "probe.yaml:9:7: kind: expected one of http, reconcile, got 'rest'",
                "probe.yaml:11:1: source: applies only to kind: reconcile probes",
                "probe.yaml:12:1: tolerance: applies only to kind: reconcile probes");
    }

    @Test
    void aBrokenFileLoadsNothingSoTheReloaderCanKeepItsLastGoodVersion() {
        Path dir = Fixtures.INVALID.resolve("multi-doc-one-broken");
        LoadedConfig config = new ConfigLoader().load(dir, NO_ENV);
        assertThat(config.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(dir + "/probes.yaml:8:12: request.timeout: expected a positive duration like 200ms,"
                        + " 5s, 1m, 2h, 1d or ISO-8601 PT5S, got '-5s'");
        assertThat(config.probes()).extracting(ProbeDefinition::id).containsExactly("other-good");
        assertThat(config.probeIdsByFile())
                .containsExactly(
                        Map.entry(dir.resolve("other.yaml"), List.of("other-good")),
                        Map.entry(dir.resolve("probes.yaml"), List.of()));
        assertThat(config.filesWithProblems()).containsExactly(dir.resolve("probes.yaml"));
    }

    @Test
    void aMissingFolderIsAProblemNotAnException() {
        Path dir = Fixtures.INVALID.resolve("no-such-folder");
        assertThat(new ConfigLoader().load(dir, NO_ENV).problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(dir + ":1:1: cannot read probes folder: not a readable directory");
    }

    @Test
    void oneFileCanBeReloadedAgainstKnownConnections() {
        Path file = Fixtures.INVALID.resolve("unknown-connection/probe.yaml");
        LoadedConfig broken = new ConfigLoader().loadProbeFile(file, NO_ENV, java.util.Set.of("smarty"));
        assertThat(broken.problems())
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        file + ":2:13: connection: unknown connection 'quickbook' (known connections: smarty)");
        LoadedConfig fine = new ConfigLoader().loadProbeFile(file, NO_ENV, java.util.Set.of("quickbook"));
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.probeIdsByFile()).containsExactly(Map.entry(file, List.of("unknown-connection")));
    }
}

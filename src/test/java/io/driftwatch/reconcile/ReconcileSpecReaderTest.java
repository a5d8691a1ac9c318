package io.driftwatch.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ConfigProblem;
import io.driftwatch.config.Schedule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconcileSpecReaderTest {

    private static final Map<String, String> ENV =
            Map.of("QBO_REALM_ID", "9130357766", "RECONCILE_SINCE", "2026-05-01", "SF_TOKEN", "00Dxx0000001gPL!s3cr3t");

    /** ${NAME} from a fixed map, as the config loader does from the environment. */
    private static final UnaryOperator<String> INTERPOLATE = ReconcileSpecReaderTest::interpolate;

    private static String interpolate(String text) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ENV.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(
                ReconcileSpecReaderTest.class.getResource("/reconcile/" + name).toURI());
    }

    private static ReconcileSpecReader.Result read(String name, UnaryOperator<String> interpolate) throws Exception {
        return new ReconcileSpecReader(interpolate).read(resource(name));
    }

    @Test
    void theShippedSalesforceAgainstQuickBooksDefinition() throws Exception {
        ReconcileSpecReader.Result result = read("sf-opportunity-vs-qbo-invoice.yaml", INTERPOLATE);

        assertThat(result.problems()).isEmpty();
        ReconcileSpec spec = result.spec();
        assertThat(spec.id()).isEqualTo("sf-opportunity-vs-qbo-invoice");
        assertThat(spec.schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(15)));
        assertThat(spec.tolerance()).isEqualByComparingTo("0.01");
        assertThat(spec.alert().severity()).isEqualTo("critical");
        assertThat(spec.location().line()).isEqualTo(4);
        assertThat(spec.source().connection()).isEqualTo("salesforce");
        assertThat(spec.source().request().query().get("q"))
                .isEqualTo("SELECT Id, Name, Amount, CurrencyIsoCode, External_Id__c FROM Opportunity"
                        + " WHERE IsWon = true AND CloseDate >= 2026-05-01");
        assertThat(spec.source().request().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.source().nextPage()).isEqualTo("$.nextRecordsUrl");
        assertThat(spec.target().request().method()).isEqualTo("GET");
        assertThat(spec.target().request().path()).isEqualTo("/v3/company/9130357766/query");
        assertThat(spec.target().key()).isEqualTo("$.CustomField[?(@.Name == 'External Id')].StringValue");
    }

    @Test
    void aFileBasedDefinitionReconcilesTheSalesforceAndQuickBooksPayloads() throws Exception {
        ReconcileSpec spec =
                read("sf-vs-qbo-files.yaml", UnaryOperator.identity()).spec();

        assertThat(spec.source().file()).isEqualTo(resource("sf-closed-won-opportunities.json"));
        JsonNode sf =
                ExactJson.parse(java.nio.file.Files.readAllBytes(spec.source().file()));
        JsonNode qbo =
                ExactJson.parse(java.nio.file.Files.readAllBytes(spec.target().file()));
        ReconcileReport report = spec.reconcile(List.of(sf), List.of(qbo));

        assertThat(report.matched()).isEqualTo(6);
        assertThat(report.mismatches())
                .extracting(ReconcileReport.AmountMismatch::key)
                .containsExactly("OPP-1037");
        assertThat(report.sourceOrphans()).extracting(KeyedAmount::key).containsExactly("OPP-1038", "OPP-1039");
        assertThat(report.targetOrphans()).extracting(KeyedAmount::key).containsExactly("OPP-1035");
        assertThat(report.sourceDuplicates())
                .extracting(ReconcileReport.Duplicate::key)
                .containsExactly("OPP-1039");
    }

    @Test
    void pagesAreConcatenatedBeforeJoining() throws Exception {
        ReconcileSpec spec =
                read("sf-vs-qbo-files.yaml", UnaryOperator.identity()).spec();
        JsonNode page1 = Fixtures.parse("{'records':[{'External_Id__c':'A','Amount':1.00}],'nextRecordsUrl':'/x'}");
        JsonNode page2 = Fixtures.parse("{'records':[{'External_Id__c':'B','Amount':2.00}]}");
        JsonNode qbo = Fixtures.parse("{'QueryResponse':{'Invoice':["
                + "{'CustomField':[{'Name':'External Id','StringValue':'A'}],'TotalAmt':1.00},"
                + "{'CustomField':[{'Name':'External Id','StringValue':'B'}],'TotalAmt':2.00}]}}");

        ReconcileReport report = spec.reconcile(List.of(page1, page2), List.of(qbo));

        assertThat(report.matched()).isEqualTo(2);
        assertThat(report.clean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown-key.yaml        | 7:3: source: unknown key 'amonut' (expected one of name, connection, request, file,"
                        + " records, nextPage, key, amount, currency)",
                "file-and-request.yaml   | 2:1: source: give either connection and request, or file, not both",
                "missing-amount.yaml     | 3:1: target.amount: required",
                "negative-tolerance.yaml | 2:1: tolerance: must not be negative, got -0.01",
                "wrong-kind.yaml         | 2:1: kind: must be 'reconcile', got 'probe'",
            })
    void eachInvalidDefinitionNamesItsPlace(String file, String expected) throws Exception {
        ReconcileSpecReader.Result result = read("invalid/" + file, INTERPOLATE);

        assertThat(result.spec()).isNull();
        assertThat(result.problems())
                .extracting(ReconcileSpecReaderTest::lineColumnMessage)
                .containsExactly(expected);
        assertThat(result.problems().get(0).file()).isEqualTo(resource("invalid/" + file));
    }

    @Test
    void invalidJsonPathMalformedYamlAndMissingVariables() throws Exception {
        assertThat(read("invalid/bad-jsonpath.yaml", INTERPOLATE).problems())
                .singleElement()
                .extracting(ReconcileSpecReaderTest::lineColumnMessage)
                .asString()
                .startsWith("5:3: target.key: invalid JSONPath '$.Line[?(@.x ==': ");
        assertThat(read("invalid/malformed.yaml", INTERPOLATE).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(read("invalid/missing-variable.yaml", INTERPOLATE).problems())
                .extracting(ReconcileSpecReaderTest::lineColumnMessage)
                .containsExactly(
                        "4:14: source.request.path: environment variable QBO_SANDBOX_REALM_ID is not set",
                        "4:65: source.request.timeout: must be a duration such as 30s, 5m or 1h, got 'soon'");
    }

    @Test
    void problemsQuoteValuesAsWrittenSoSubstitutedSecretsNeverShow() {
        String text = """
                id: leak
                kind: ${SF_TOKEN}
                tolerance: ${SF_TOKEN}
                source:
                  connection: salesforce
                  request: { path: /x, timeout: "${SF_TOKEN}", maxBodyBytes: "${SF_TOKEN}" }
                  key: $.k
                  amount: $.v
                target: { file: b.json, key: $.k, amount: $.v }
                """;

        List<ConfigProblem> problems = new ReconcileSpecReader(INTERPOLATE)
                .read(Path.of("leak.yaml"), text)
                .problems();

        assertThat(problems).hasSize(4);
        assertThat(problems)
                .allSatisfy(
                        p -> assertThat(p.toString()).contains("${SF_TOKEN}").doesNotContain("s3cr3t"));
    }

    private static String lineColumnMessage(ConfigProblem p) {
        return p.line() + ":" + p.column() + ": " + p.message();
    }
}

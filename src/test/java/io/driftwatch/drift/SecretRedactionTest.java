package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.SecretHeuristics;
import io.driftwatch.finding.Finding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example values in drift findings never carry a credential. */
class SecretRedactionTest {
    private static final String JWT =
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLTk4NzY1";
    private static final String RANDOM = "a8Kx92LmQz7Pw3Rt5Yv1Nb6Hc4Jd0Fs";
    private static final String PASSWORD = "hunter2";

    @Test
    void secretsAreRedactedFromExamplesMessagesAndEvidence() {
        CompiledBaseline baseline = DriftFixtures.compiled(DriftFixtures.baseline(
                "qbo-invoice-read",
                new InferenceOptions(true, 8),
                DriftFixtures.load("qbo-invoice-read.json"),
                DriftFixtures.load("qbo-invoice-read.json")));
        ObjectNode doc = DriftFixtures.object("qbo-invoice-read.json");
        ObjectNode inv = (ObjectNode) doc.get("Invoice");
        inv.put("access_token", JWT); // named like a secret and looks like one
        inv.put("InvoiceLink", RANDOM); // innocent name, random-looking value
        inv.put("password", PASSWORD); // short, but the key says secret
        inv.put("PrintStatus", "Zq81Lm02Xx93Pp74Rr65Ss56Tt47"); // enum-value-added, value looks like a token
        DriftReport report = new DriftDetector().detect(baseline, DriftFixtures.sample(doc), DriftSettings.DEFAULT);

        assertThat(report.changes()).hasSize(4);
        assertThat(report.changes()).extracting(DriftChange::example).containsOnly(SecretHeuristics.REDACTED);
        List<Finding> findings = DriftFindings.of(
                "schema-drift",
                new DriftTracker().update("qbo-invoice-read", report.changes(), Instant.EPOCH),
                "baselines/qbo-invoice-read.json");
        for (Finding f : findings) {
            String all = f.message() + f.evidence();
            assertThat(all).doesNotContain(JWT).doesNotContain(RANDOM).doesNotContain(PASSWORD);
            assertThat(all).doesNotContain("Zq81Lm02Xx93Pp74Rr65Ss56Tt47");
        }
    }

    @Test
    void ordinaryValuesAreNotRedacted() {
        assertThat(SecretHeuristics.looksLikeToken("006Dn00000A1b2cIAB")).isFalse(); // 18-char Salesforce id
        assertThat(SecretHeuristics.looksLikeToken("3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                .isFalse(); // uuid
        assertThat(SecretHeuristics.looksLikeToken("Thank you for your business and have a great day!"))
                .isFalse();
        assertThat(SecretHeuristics.looksLikeToken("2015-07-24T10:48:27.082-07:00"))
                .isFalse();
        assertThat(SecretHeuristics.looksLikeToken(RANDOM)).isTrue();
        assertThat(SecretHeuristics.looksLikeToken(JWT)).isTrue();
        assertThat(SecretHeuristics.isSecretKey("client_secret")).isTrue();
        assertThat(SecretHeuristics.isSecretKey("Authorization")).isTrue();
        assertThat(SecretHeuristics.isSecretKey("DocNumber")).isFalse();
    }
}

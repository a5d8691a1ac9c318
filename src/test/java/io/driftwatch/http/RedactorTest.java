package io.driftwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.AuthSpec;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = Redactor.of(List.of("s3cret", "s3cret-longer", "a b+c/d"));

    @Test
    void everyOccurrenceIsMaskedLongestFirst() {
        assertThat(redactor.redact("x s3cret-longer y s3cret z")).isEqualTo("x **** y **** z");
        assertThat(redactor.redact("no secrets here")).isEqualTo("no secrets here");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void encodedFormsAreMaskedToo() {
        assertThat(redactor.redact("q=a%20b%2Bc%2Fd&r=a+b%2Bc%2Fd")).isEqualTo("q=****&r=****");
    }

    @Test
    void sensitiveQueryParametersAreMaskedByName() {
        URI uri =
                URI.create("https://api.example.com/v1/x?auth-id=ID1&Auth-Token=T1&street=Main&API_KEY=k&code=c#frag");
        assertThat(Redactor.empty().redactUrl(uri))
                .isEqualTo(
                        "https://api.example.com/v1/x?auth-id=****&Auth-Token=****&street=Main&API_KEY=****&code=****#frag");
    }

    @Test
    void percentEncodedParameterNamesAreRecognised() {
        assertThat(Redactor.empty().redactUrl(URI.create("https://h/p?access%5Ftoken=abc&x=1")))
                .isEqualTo("https://h/p?access%5Ftoken=****&x=1");
    }

    @Test
    void userInfoAndSecretValuesAnywhereInTheUrlAreMasked() {
        URI uri = URI.create("https://user:pw@h.example:8443/a/s3cret/b?license=s3cret&keep=1");
        assertThat(redactor.redactUrl(uri)).isEqualTo("https://****@h.example:8443/a/****/b?license=****&keep=1");
    }

    @Test
    void urlWithoutQueryIsUnchanged() {
        assertThat(redactor.redactUrl(URI.create("http://127.0.0.1:8080/v3/company/1/invoice/2")))
                .isEqualTo("http://127.0.0.1:8080/v3/company/1/invoice/2");
    }

    @Test
    void sensitiveHeadersAndHeadersHoldingSecretsAreMasked() {
        var headers = new LinkedHashMap<String, List<String>>();
        headers.put("Authorization", List.of("Bearer abc"));
        headers.put("set-cookie", List.of("a=1", "b=2"));
        headers.put("X-Echo", List.of("key was s3cret", "fine"));
        headers.put("Content-Type", List.of("application/json"));

        assertThat(redactor.redactHeaders(headers))
                .containsExactly(
                        Map.entry("Authorization", List.of("****")),
                        Map.entry("set-cookie", List.of("****", "****")),
                        Map.entry("X-Echo", List.of("****", "fine")),
                        Map.entry("Content-Type", List.of("application/json")));
    }

    @Test
    void secretValuesAreCollectedFromEveryAuthKind() {
        var basic = new AuthSpec.Basic("u", Secret.of("pw"));
        var cc = new AuthSpec.ClientCredentials(URI.create("https://idp/token"), "id", Secret.of("cs"), null);
        var vendor = new AuthSpec.Vendor("quickbooks-oauth2", Map.of("realm", "1"), Map.of("refresh", Secret.of("rt")));
        var connections = List.of(basic, cc, vendor, new AuthSpec.None()).stream()
                .map(a -> new ConnectionDefinition(
                        "c", "generic", URI.create("http://h"), Map.of(), a, 1, Map.of(), null))
                .toList();

        assertThat(Redactor.secretValues(connections))
                .isEqualTo(Set.of("pw", BasicAuthProvider.credential("u", Secret.of("pw")), "cs", "rt"));
    }

    @Test
    void callScopedValuesCanBeAdded() {
        assertThat(redactor.redact("token tok-abc and s3cret", List.of("tok-abc")))
                .isEqualTo("token **** and ****");
    }
}

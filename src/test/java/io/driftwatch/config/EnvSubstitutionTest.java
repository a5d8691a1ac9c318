package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private static EnvSubstitution.Result sub(String text, Map<String, String> env) {
        return EnvSubstitution.substitute(text, env, "request.path");
    }

    @Test
    void replacesVariablesAnywhereInTheValue() {
        var r = sub("/v3/company/${REALM}/invoice/${ID}", Map.of("REALM", "42", "ID", "7"));
        assertThat(r.value()).isEqualTo("/v3/company/42/invoice/7");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertThat(sub("${A:-fallback}", Map.of()).value()).isEqualTo("fallback");
        assertThat(sub("${A:-fallback}", Map.of("A", "")).value()).isEqualTo("fallback");
        assertThat(sub("${A:-fallback}", Map.of("A", "set")).value()).isEqualTo("set");
        assertThat(sub("${A:-}", Map.of()).value()).isEmpty();
        assertThat(sub("${A}", Map.of("A", "")).value()).isEmpty();
    }

    @Test
    void doubleDollarBraceIsALiteral() {
        assertThat(sub("$${A} and ${A}", Map.of("A", "x")).value()).isEqualTo("${A} and x");
        assertThat(sub("cost $5, $$ and $", Map.of()).value()).isEqualTo("cost $5, $$ and $");
    }

    @Test
    void missingVariableNamesItAndWhereItIsUsed() {
        var r = sub("/v3/${QBO_REALM_ID}/${OTHER}", Map.of());
        assertThat(r.errors())
                .containsExactly(
                        "environment variable QBO_REALM_ID is not set (used in request.path)",
                        "environment variable OTHER is not set (used in request.path)");
    }

    @Test
    void malformedReferencesAreReported() {
        assertThat(sub("${A", Map.of()).errors())
                .containsExactly(
                        "unterminated '${' in '${A' (expected ${NAME} or ${NAME:-default}; write $${ for a literal ${)");
        assertThat(sub("${1A}", Map.of()).errors())
                .containsExactly("invalid environment reference '${1A}' (expected ${NAME} or ${NAME:-default};"
                        + " write $${ for a literal ${)");
    }

    @Test
    void secretNamedVariablesOfFourCharactersOrMoreAreCollected() {
        assertThat(sub("${API_KEY}", Map.of("API_KEY", "abcd")).secretValues()).containsExactly("abcd");
        assertThat(sub("${db_password}", Map.of("db_password", "hunter2")).secretValues())
                .containsExactly("hunter2");
        assertThat(sub("${API_KEY}", Map.of("API_KEY", "abc")).secretValues()).isEmpty();
        assertThat(sub("${REGION}", Map.of("REGION", "eu-west-secret")).secretValues())
                .isEmpty();
        assertThat(sub("${GH_TOKEN:-dev-token}", Map.of()).secretValues()).containsExactly("dev-token");
        for (String name : List.of("X_SECRET", "X_TOKEN", "X_PASSWORD", "X_PASSWD", "X_KEY", "X_CREDENTIALS")) {
            assertThat(sub("${" + name + "}", Map.of(name, "value")).secretValues())
                    .as(name)
                    .hasSize(1);
        }
    }
}

package io.driftwatch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Paths of the fixtures under src/test/resources/config (surefire runs in the project folder). */
final class Fixtures {

    static final Path ROOT = Path.of("src/test/resources/config");
    static final Path VALID = ROOT.resolve("valid");
    static final Path INVALID = ROOT.resolve("invalid");

    /** The environment the valid fixture needs; the values are distinct so a test can find each one. */
    static final Map<String, String> VALID_ENV = Map.of(
            "QBO_REALM_ID", "4620816365",
            "QBO_CLIENT_ID", "qbo-client-id",
            "QBO_CLIENT_SECRET", "qbo-client-secret-value",
            "QBO_REFRESH_TOKEN", "qbo-refresh-token-value",
            "SMARTY_AUTH_TOKEN", "smarty-auth-token-value",
            "STATUS_API_TOKEN", "status-api-token-value");

    private Fixtures() {}

    static LoadedConfig loadValid() {
        return new ConfigLoader().load(VALID, VALID_ENV);
    }

    /** The problems of one invalid fixture folder, as their public text. */
    static List<String> problems(String rule, Map<String, String> env) {
        return new ConfigLoader()
                .load(INVALID.resolve(rule), env).problems().stream()
                        .map(ConfigProblem::toString)
                        .toList();
    }

    /** Expected problem lines, written relative to the fixture folder of {@code rule}. */
    static List<String> expected(String rule, String... relativeLines) {
        return java.util.Arrays.stream(relativeLines)
                .map(line -> INVALID.resolve(rule) + "/" + line)
                .toList();
    }
}

package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published JSON Schemas and the loader accept the same files and the same keys. */
class SchemaAgreementTest {

    private static JsonNode schemaJson(SchemaCheck.Kind kind) throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getClassLoader().getResourceAsStream(kind.resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Follows {@code $ref: #/$defs/x} within the same schema. */
    private static JsonNode deref(JsonNode root, JsonNode node) {
        while (node.has("$ref")) node = root.at(node.get("$ref").asText().substring(1));
        return node;
    }

    /** The schema node of a section path such as {@code request.retries} or {@code expect.assertions[]}. */
    private static JsonNode section(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) return node;
        for (String part : path.split("\\.")) {
            boolean items = part.endsWith("[]");
            String key = items ? part.substring(0, part.length() - 2) : part;
            node = deref(root, node.get("properties").get(key));
            if (items) node = deref(root, node.get("items"));
        }
        return node;
    }

    private static Set<String> propertyNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void probeSchemaDeclaresExactlyTheKeysTheLoaderAccepts() throws IOException {
        JsonNode root = schemaJson(SchemaCheck.Kind.PROBE);
        ConfigKeys.PROBE.forEach((path, keys) -> assertThat(propertyNames(section(root, path)))
                .as("properties of '%s'", path)
                .containsExactlyInAnyOrderElementsOf(keys));
    }

    @Test
    void connectionSchemaDeclaresExactlyTheKeysTheLoaderAccepts() throws IOException {
        JsonNode root = schemaJson(SchemaCheck.Kind.CONNECTION);
        assertThat(propertyNames(root)).containsExactlyInAnyOrderElementsOf(ConfigKeys.CONNECTION.get(""));
        Set<String> authTypes = new HashSet<>();
        for (JsonNode rule : root.at("/properties/auth/allOf")) {
            JsonNode type = rule.at("/if/properties/type/const");
            if (type.isMissingNode()) continue;
            authTypes.add(type.asText());
            assertThat(propertyNames(deref(root, rule.get("then"))))
                    .as("auth type %s", type.asText())
                    .containsExactlyInAnyOrderElementsOf(ConfigKeys.CONNECTION.get("auth:" + type.asText()));
        }
        assertThat(authTypes).containsExactlyInAnyOrderElementsOf(ConfigKeys.GENERIC_AUTH_TYPES);
    }

    @Test
    void everyPropertyHasADescriptionForEditors() throws IOException {
        for (SchemaCheck.Kind kind : SchemaCheck.Kind.values()) {
            List<String> missing = new ArrayList<>();
            collectUndescribed(schemaJson(kind), "", missing);
            assertThat(missing).as(kind.resource).isEmpty();
        }
    }

    private static void collectUndescribed(JsonNode node, String at, List<String> missing) {
        if (node.has("properties")) {
            for (Map.Entry<String, JsonNode> e : node.get("properties").properties()) {
                if (!e.getValue().path("description").isTextual()) missing.add(at + "/" + e.getKey());
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                // if/not hold conditions, not properties an editor offers.
                if (e.getKey().equals("if") || e.getKey().equals("not")) continue;
                collectUndescribed(e.getValue(), at + "/" + e.getKey(), missing);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collectUndescribed(node.get(i), at + "/" + i, missing);
        }
    }

    /** Raw schema errors for every document of every YAML file under {@code dir}. */
    private static List<String> schemaErrors(Path dir, Map<String, String> env) throws IOException {
        List<String> errors = new ArrayList<>();
        for (Path file : ConfigFiles.yamlFiles(dir)) {
            boolean connection = file.startsWith(dir.resolve(ConfigLoader.CONNECTIONS_DIR));
            var kind = connection ? SchemaCheck.Kind.CONNECTION : SchemaCheck.Kind.PROBE;
            for (var doc : YamlDocuments.parse(Files.readString(file), env, new HashSet<>())) {
                if (doc.root() == null) continue;
                SchemaCheck.schema(kind).validate(YamlJson.toJson(doc.root())).forEach(e -> errors.add(file + " " + e));
            }
        }
        return errors;
    }

    @Test
    void everyValidFixturePassesTheSchema() throws IOException {
        assertThat(schemaErrors(Fixtures.VALID, Fixtures.VALID_ENV)).isEmpty();
    }

    @Test
    void theSchemaAlsoRejectsEveryStructuralMistake() throws IOException {
        List<String> rules = List.of(
                "unknown-key",
                "wrong-type",
                "bad-duration",
                "every-and-cron",
                "bad-id",
                "bad-status",
                "missing-request-path",
                "bad-connection-url",
                "unknown-auth-field",
                "not-a-mapping",
                "assertion-operators",
                "connection-problems",
                "request-problems",
                "three-problems",
                "reconcile-problems",
                "reconcile-misplaced-keys");
        for (String rule : rules) {
            assertThat(schemaErrors(Fixtures.INVALID.resolve(rule), Map.of("API_TOKEN", "x", "API_KEY", "x")))
                    .as(rule)
                    .isNotEmpty();
        }
    }

    @Test
    void schemaErrorsTheMappersMissedStillReachTheProblems() {
        YamlNode root = YamlDocuments.parse("id: x\nrequest:\n  path: /a\n  timout: 5s\n", Map.of(), new HashSet<>())
                .get(0)
                .root();
        Problems none = new Problems();
        SchemaCheck.validate(SchemaCheck.Kind.PROBE, root, none);
        assertThat(none.toConfigProblems(Path.of("p.yaml")))
                .extracting(ConfigProblem::toString)
                .containsExactly("p.yaml:4:3: request.timout: property 'timout' is not defined in the schema and the"
                        + " schema does not allow additional properties");

        Problems known = new Problems();
        known.add(4, 3, "request.timout", "unknown key 'timout' in request");
        SchemaCheck.validate(SchemaCheck.Kind.PROBE, root, known);
        assertThat(known.issues()).hasSize(1);
    }
}

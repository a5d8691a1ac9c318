package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    private static YamlNode.Mapping parseOne(String yaml, Map<String, String> env) {
        List<YamlDocuments.Document> docs = YamlDocuments.parse(yaml, env, new HashSet<>());
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).problems().issues()).isEmpty();
        return (YamlNode.Mapping) docs.get(0).root();
    }

    @Test
    void nodesKeepOneBasedLineColumnAndPath() {
        YamlNode.Mapping root = parseOne("id: a\nexpect:\n  assertions:\n    - { path: x }\n", Map.of());
        YamlNode.Mapping expect = (YamlNode.Mapping) root.get("expect");
        YamlNode.Sequence list = (YamlNode.Sequence) expect.get("assertions");
        YamlNode.Mapping item = (YamlNode.Mapping) list.items().get(0);
        YamlNode.Scalar path = (YamlNode.Scalar) item.get("path");
        assertThat(path.path()).isEqualTo("expect.assertions[0].path");
        assertThat(path.line()).isEqualTo(4);
        assertThat(path.column()).isEqualTo(15);
        YamlNode.Entry idEntry = root.entries().get("id");
        assertThat(idEntry.keyLine()).isEqualTo(1);
        assertThat(idEntry.keyColumn()).isEqualTo(1);
    }

    @Test
    void substitutedPlainScalarsAreTypedByTheirNewText() {
        YamlNode.Mapping root = parseOne("n: ${N}\nq: \"${N}\"\nb: ${B}\n", Map.of("N", "5", "B", "true"));
        assertThat(((YamlNode.Scalar) root.get("n")).kind()).isEqualTo(YamlNode.Kind.INT);
        assertThat(((YamlNode.Scalar) root.get("q")).kind()).isEqualTo(YamlNode.Kind.STRING);
        assertThat(((YamlNode.Scalar) root.get("b")).kind()).isEqualTo(YamlNode.Kind.BOOL);
    }

    @Test
    void keysAreNeverSubstituted() {
        YamlNode.Mapping root = parseOne("${K}: v\n", Map.of("K", "key"));
        assertThat(root.entries()).containsOnlyKeys("${K}");
    }

    @Test
    void mergeKeysCopyAnchoredMappingsWithExplicitKeysWinning() {
        YamlNode.Mapping root =
                parseOne("defaults: &d { timeout: 5s, method: GET }\nrequest:\n  <<: *d\n  method: POST\n", Map.of());
        YamlNode.Mapping request = (YamlNode.Mapping) root.get("request");
        assertThat(request.entries()).containsOnlyKeys("method", "timeout");
        assertThat(((YamlNode.Scalar) request.get("method")).text()).isEqualTo("POST");
        assertThat(((YamlNode.Scalar) request.get("timeout")).text()).isEqualTo("5s");
    }

    @Test
    void emptyDocumentsAreSkippedAndSecretsCollected() {
        Set<String> secrets = new HashSet<>();
        var docs = YamlDocuments.parse("---\na: ${API_TOKEN}\n---\n---\nb: 2\n", Map.of("API_TOKEN", "t0ken"), secrets);
        assertThat(docs).hasSize(2);
        assertThat(secrets).containsExactly("t0ken");
    }

    @Test
    void failedSubstitutionMarksTheScalarBroken() {
        var docs = YamlDocuments.parse("a: ${MISSING}\n", Map.of(), new HashSet<>());
        YamlNode.Scalar a = (YamlNode.Scalar) ((YamlNode.Mapping) docs.get(0).root()).get("a");
        assertThat(a.broken()).isTrue();
        assertThat(docs.get(0).problems().issues())
                .containsExactly(new Problems.Issue(1, 4, "a", "environment variable MISSING is not set (used in a)"));
    }
}

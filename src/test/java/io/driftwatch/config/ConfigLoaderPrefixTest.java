package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading in two steps: the first probe files' load, then the whole folder's. The prefix is exactly the
 * first files in path order, the whole load equals a one-step load, and a prefix probe is never changed or
 * rejected by a later file.
 */
class ConfigLoaderPrefixTest {
    @TempDir
    Path dir;

    final ConfigLoader loader = new ConfigLoader();

    static String probe(String id) {
        return """
                id: %s
                connection: api
                schedule: { every: 1m }
                request: { path: /%s }
                """.formatted(id, id);
    }

    void write(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text);
    }

    /** Probe files p00.yaml ... p{n-1}.yaml holding probe-00 ..., and one connection. */
    void probes(int n) throws Exception {
        Files.createDirectories(dir.resolve("connections"));
        write("connections/api.yaml", "baseUrl: http://127.0.0.1:1\n");
        for (int i = 0; i < n; i++) write("p%02d.yaml".formatted(i), probe("probe-%02d".formatted(i)));
    }

    /** The prefixes handed to onPrefix (at most one) and the whole load. */
    record TwoSteps(List<LoadedConfig> prefixes, LoadedConfig all) {}

    TwoSteps load(int prefixFiles) {
        List<LoadedConfig> prefixes = new ArrayList<>();
        LoadedConfig all = loader.load(dir, Map.of(), prefixFiles, prefixes::add);
        return new TwoSteps(prefixes, all);
    }

    static void assertSameLoad(LoadedConfig actual, LoadedConfig expected) {
        assertThat(actual.probes()).isEqualTo(expected.probes());
        assertThat(actual.connections()).isEqualTo(expected.connections());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.probeIdsByFile()).isEqualTo(expected.probeIdsByFile());
        assertThat(actual.secretValues()).isEqualTo(expected.secretValues());
    }

    @Test
    void thePrefixHoldsExactlyTheFirstFilesAndTheWholeLoadEqualsAOneStepLoad() throws Exception {
        probes(10);
        // Path order, not the order the files were written in: a file sorting first belongs to the prefix.
        write("a-first.yaml", probe("first"));

        TwoSteps steps = load(4);

        assertThat(steps.prefixes()).hasSize(1);
        LoadedConfig prefix = steps.prefixes().get(0);
        assertThat(prefix.probeIdsByFile().keySet())
                .containsExactly(
                        dir.resolve("a-first.yaml"),
                        dir.resolve("p00.yaml"),
                        dir.resolve("p01.yaml"),
                        dir.resolve("p02.yaml"));
        assertThat(prefix.probes())
                .extracting(ProbeDefinition::id)
                .containsExactly("first", "probe-00", "probe-01", "probe-02");
        assertThat(prefix.connections()).containsOnlyKeys("api");
        assertThat(prefix.problems()).isEmpty();
        assertSameLoad(steps.all(), loader.load(dir, Map.of()));
        assertThat(steps.all().probes()).hasSize(11);
    }

    @Test
    void aFolderNoLargerThanThePrefixLoadsInOneStep() throws Exception {
        probes(4);

        TwoSteps steps = load(4);

        assertThat(steps.prefixes()).isEmpty();
        assertSameLoad(steps.all(), loader.load(dir, Map.of()));
        assertThat(steps.all().probes()).hasSize(4);
        assertThatThrownBy(() -> load(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLaterFileNeverInvalidatesAPrefixProbe() throws Exception {
        probes(6);
        // In the prefix: a broken file. After it: a broken file, and two files repeating prefix ids.
        write("p01.yaml", probe("probe-01").replace("1m", "soon"));
        write("p04.yaml", probe("probe-04").replace("1m", "later"));
        write("p05.yaml", probe("probe-00"));
        write("p06.yaml", probe("probe-02") + "---\n" + probe("probe-06"));

        TwoSteps steps = load(3);
        LoadedConfig prefix = steps.prefixes().get(0);
        LoadedConfig all = steps.all();

        assertThat(prefix.probes()).extracting(ProbeDefinition::id).containsExactly("probe-00", "probe-02");
        // Every prefix probe is in the whole load, with the same definition.
        for (ProbeDefinition p : prefix.probes()) assertThat(all.probe(p.id())).contains(p);
        // The files repeating a prefix id are the ones rejected, whole.
        assertThat(all.probeIdsByFile().get(dir.resolve("p05.yaml"))).isEmpty();
        assertThat(all.probeIdsByFile().get(dir.resolve("p06.yaml"))).isEmpty();
        assertThat(all.problems())
                .map(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p)
                        .startsWith(dir.resolve("p05.yaml") + ":")
                        .contains("duplicate probe id 'probe-00' (first defined at " + dir.resolve("p00.yaml")))
                .anySatisfy(p -> assertThat(p)
                        .startsWith(dir.resolve("p06.yaml") + ":")
                        .contains("duplicate probe id 'probe-02' (first defined at " + dir.resolve("p02.yaml")));
        // A prefix file's problems are the same in the whole load.
        assertThat(prefix.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).isEqualTo(dir.resolve("p01.yaml")));
        assertThat(all.problems()).containsAll(prefix.problems());
        assertThat(all.probes()).extracting(ProbeDefinition::id).containsExactly("probe-00", "probe-02", "probe-03");
        assertSameLoad(all, loader.load(dir, Map.of()));

        // What the daemon relies on: the whole load over the prefix adds the rest and changes nothing, and
        // ends where a one-step load does.
        ActiveConfig afterPrefix = ActiveConfig.EMPTY.apply(prefix).next();
        ActiveConfig.Change rest = afterPrefix.apply(all);
        assertThat(rest.added()).extracting(ProbeDefinition::id).containsExactly("probe-03");
        assertThat(rest.changed()).isEmpty();
        assertThat(rest.removed()).isEmpty();
        assertThat(rest.problems()).isEqualTo(all.problems());
        assertThat(rest.next()).isEqualTo(ActiveConfig.EMPTY.apply(all).next());
    }
}

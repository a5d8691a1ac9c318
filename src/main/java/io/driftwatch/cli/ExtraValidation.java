package io.driftwatch.cli;

import io.driftwatch.alert.config.AlertingLoader;
import io.driftwatch.baseline.BaselineFormatException;
import io.driftwatch.baseline.BaselineStore;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Validation of baselines/ and alerting/, beside the probe files. */
final class ExtraValidation {
    private ExtraValidation() {}

    static List<ConfigProblem> problems(CommonOptions options) {
        List<ConfigProblem> problems = new ArrayList<>();
        problems.addAll(new AlertingLoader(ChannelRegistry.standard())
                .loadDirectory(options.alerting, CommonOptions.env())
                .problems());
        problems.addAll(baselines(options.baselines));
        return problems;
    }

    /** Every baselines/*.json must parse as a baseline; a broken one is reported at its first line. */
    static List<ConfigProblem> baselines(Path dir) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) return problems;
        BaselineStore store = new BaselineStore(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    store.read(id);
                } catch (BaselineFormatException | IOException e) {
                    problems.add(new ConfigProblem(file, 1, 1, "invalid baseline: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new ConfigProblem(dir, 1, 1, "cannot read baselines: " + e.getMessage()));
        }
        return problems;
    }
}

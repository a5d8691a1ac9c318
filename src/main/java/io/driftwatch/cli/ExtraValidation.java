package io.driftwatch.cli;

import io.driftwatch.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Validation of baselines/ and alerting/, contributed by those capabilities. */
final class ExtraValidation {
    private ExtraValidation() {}

    static List<ConfigProblem> problems(CommonOptions options) {
        return new ArrayList<>();
    }
}

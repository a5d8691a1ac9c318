package io.driftwatch.baseline;

import io.driftwatch.config.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A baseline or schema file that cannot be used; each problem names file, line and column. */
public final class BaselineFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public BaselineFormatException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

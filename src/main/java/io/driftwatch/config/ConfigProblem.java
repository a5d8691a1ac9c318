package io.driftwatch.config;

import java.nio.file.Path;

/**
 * One problem in a configuration file. {@link #toString()} is the public error format
 * {@code file:line:col: message}; tests assert on it exactly, so treat the text as API.
 */
public record ConfigProblem(Path file, int line, int column, String message) implements Comparable<ConfigProblem> {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(ConfigProblem o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}

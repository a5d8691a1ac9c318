package io.driftwatch.config;

import java.nio.file.Path;

/** Where a definition came from, for error messages: file, 1-based line and column. */
public record SourceLocation(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

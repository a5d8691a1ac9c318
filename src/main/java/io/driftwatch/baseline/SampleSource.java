package io.driftwatch.baseline;

/** Runs the probe once and returns what it saw. An exception aborts recording with its message. */
@FunctionalInterface
public interface SampleSource {
    Sample run() throws Exception;
}

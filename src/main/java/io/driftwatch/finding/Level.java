package io.driftwatch.finding;

/** How much a finding weighs on its run: FAIL fails it, WARN degrades it, INFO only informs. */
public enum Level {
    INFO,
    WARN,
    FAIL
}

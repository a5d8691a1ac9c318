package io.driftwatch.alert.config;

import io.driftwatch.config.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * A {@code routes:} entry: which alerts go to which channels, optionally with their own thresholds.
 * Null overrides fall back to {@code defaults}.
 *
 * @param continueMatching {@code continue: true}: also evaluate the routes after this one
 */
public record Route(
        String name,
        Matcher match,
        List<String> channels,
        boolean continueMatching,
        Integer failureThreshold,
        Integer successThreshold,
        Duration repeat,
        Boolean sendResolved,
        SourceLocation source) {
    public Route {
        channels = List.copyOf(channels);
    }

    public Thresholds applyTo(Thresholds base) {
        return new Thresholds(
                failureThreshold == null ? base.failureThreshold() : failureThreshold,
                successThreshold == null ? base.successThreshold() : successThreshold,
                repeat == null ? base.repeat() : repeat,
                sendResolved == null ? base.sendResolved() : sendResolved,
                base.flapWindow(),
                base.flapLimit());
    }
}

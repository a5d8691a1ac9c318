package io.driftwatch.drift;

import java.time.Instant;

/**
 * A change with its history for this probe.
 *
 * @param firstSeen the first run of the current unbroken streak that showed this change (kind + path)
 * @param runs consecutive runs that showed it, this one included
 */
public record TrackedChange(DriftChange change, Instant firstSeen, int runs) {}

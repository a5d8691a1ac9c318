package io.driftwatch.probe;

import io.driftwatch.config.ProbeDefinition;
import java.util.List;

/**
 * Contributes checks for a probe beyond the built-in ones (schema drift, totals). Called once per probe
 * definition; the runner caches the result until the definition changes.
 */
@FunctionalInterface
public interface CheckFactory {
    List<Check> checksFor(ProbeDefinition probe);
}

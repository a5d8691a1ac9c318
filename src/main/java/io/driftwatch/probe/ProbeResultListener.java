package io.driftwatch.probe;

import io.driftwatch.config.ProbeDefinition;

/**
 * Receives every completed run (store, metrics, alerting). Called on the run's virtual thread; an
 * exception from one listener is logged and does not stop the others.
 */
@FunctionalInterface
public interface ProbeResultListener {
    void onResult(ProbeDefinition probe, ProbeResult result);
}

package io.driftwatch.probe;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;

/**
 * Sends a prepared request for a probe through its connection (auth, quotas, retries, audit) and
 * returns what happened. Never throws for network or auth problems: they come back as
 * {@link Exchange#failure()}. Blocking; called on a virtual thread.
 */
@FunctionalInterface
public interface Exchanger {
    Exchange exchange(ProbeDefinition probe, ConnectionDefinition connection, OutgoingRequest request);
}

package io.driftwatch.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.http.Exchange;
import java.time.Clock;
import java.util.Optional;

/**
 * What a check sees of one run: the probe, the exchange, and the body parsed once as JSON.
 *
 * @param json the parsed body, empty when the body is not JSON (the runner reports invalid JSON once)
 */
public record CheckContext(ProbeDefinition probe, Exchange exchange, Optional<JsonNode> json, Clock clock) {}

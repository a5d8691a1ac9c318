package io.driftwatch.http;

/**
 * Why a request produced no usable response.
 *
 * @param kind a {@link io.driftwatch.finding.FindingKind} transport kind (connection-refused, dns,
 *     timeout, tls, connection-reset, body-too-large)
 * @param message a redacted, human-readable explanation
 */
public record TransportFailure(String kind, String message) {}

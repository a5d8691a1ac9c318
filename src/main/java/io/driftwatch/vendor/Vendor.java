package io.driftwatch.vendor;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import java.util.List;

/**
 * What a connection type knows about its system beyond plain HTTP: default query parameters, the
 * request-id header to audit, and how to read the vendor's error and quota signals. One implementation
 * per {@code vendor:} value, registered in {@link VendorRegistry}.
 */
public interface Vendor {

    /** The {@code vendor:} key in connection files. */
    String type();

    /** Response header carrying the vendor's request id (lower case), or null. */
    default String requestIdHeader() {
        return null;
    }

    /** Adds vendor defaults (e.g. QuickBooks {@code minorversion}) before auth is applied. */
    default OutgoingRequest prepare(ConnectionDefinition connection, OutgoingRequest request) {
        return request;
    }

    /** Vendor-level findings from a response: error bodies, quota use. Empty when nothing to say. */
    default List<Finding> inspect(ConnectionDefinition connection, Exchange exchange) {
        return List.of();
    }
}

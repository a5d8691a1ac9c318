package io.driftwatch.config;

import java.util.List;

/**
 * What a probe's response must satisfy. Null members are not checked.
 *
 * @param certificateMinDays fail when an HTTPS certificate expires within this many days
 * @param contentType expected media type prefix, e.g. {@code application/json}
 */
public record Expectations(
        StatusExpectation status,
        LatencyExpectation latency,
        List<Assertion> assertions,
        String contentType,
        Integer certificateMinDays,
        SchemaExpectation schema,
        List<TotalsRule> totals) {

    public Expectations {
        status = status == null ? StatusExpectation.DEFAULT : status;
        assertions = List.copyOf(assertions == null ? List.of() : assertions);
        totals = List.copyOf(totals == null ? List.of() : totals);
    }
}

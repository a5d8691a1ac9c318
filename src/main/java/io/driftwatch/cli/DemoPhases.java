package io.driftwatch.cli;

import io.driftwatch.sandbox.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What {@code driftwatch demo} plays, one phase per cycle, repeating: a healthy phase between every
 * incident so each alert that fires also resolves.
 */
final class DemoPhases {
    /**
     * @param scenario the sandbox scenario, or null for "every vendor healthy"
     * @param expect what a newcomer should see, printed when the phase starts
     */
    record Phase(String name, Scenario scenario, String expect) {}

    static final List<Phase> CYCLE = List.of(
            healthy("every probe passes; open alerts resolve after two passing runs"),
            new Phase(
                    "added-latency",
                    Scenario.of("added-latency", Map.of("millis", "3500")),
                    "every vendor answers 3.5 s late: latency findings (expect.latency.max) and alerts"),
            healthy("latency back to normal: the latency alerts resolve"),
            new Phase(
                    "field-retyped",
                    Scenario.of("field-retyped"),
                    "a number field turns into a string (QuickBooks TotalAmt, Salesforce Amount, Smarty latitude):"
                            + " assertion and totals findings (schema drift too where baselines/ exist)"),
            healthy("fields are numbers again: those alerts resolve"),
            new Phase(
                    "totals-off",
                    Scenario.of("totals-off"),
                    "QuickBooks invoices total $0.02 more than their lines: a totals finding alerts on the first run"));

    private DemoPhases() {}

    private static Phase healthy(String expect) {
        return new Phase("healthy", null, expect);
    }
}

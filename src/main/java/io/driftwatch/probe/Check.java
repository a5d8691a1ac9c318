package io.driftwatch.probe;

import io.driftwatch.finding.Finding;
import java.util.List;

/**
 * One rule applied to a completed exchange. Checks are pure: no I/O, no state between runs unless the
 * check documents it (latency drift keeps a window). A check that does not apply returns an empty list.
 */
public interface Check {

    /** Stable name used in findings and as the JUnit test-case name. */
    String name();

    List<Finding> evaluate(CheckContext context);
}

package io.driftwatch.finding;

import java.util.Collection;

/** A run's verdict. Metric label values are the lower-case names. */
public enum Outcome {
    PASS,
    DEGRADED,
    FAIL;

    /** The worst outcome implied by a set of findings: any FAIL fails, any WARN degrades. */
    public static Outcome of(Collection<Finding> findings) {
        Outcome worst = PASS;
        for (Finding f : findings) {
            if (f.level() == Level.FAIL) return FAIL;
            if (f.level() == Level.WARN) worst = DEGRADED;
        }
        return worst;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

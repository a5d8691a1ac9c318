package io.driftwatch.drift;

import io.driftwatch.finding.Level;
import java.util.Locale;

/** How much a drift matters (oasdiff's levels): breaking fails the run, warning degrades it, info informs. */
public enum Severity {
    INFO,
    WARNING,
    BREAKING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Level level() {
        return switch (this) {
            case BREAKING -> Level.FAIL;
            case WARNING -> Level.WARN;
            case INFO -> Level.INFO;
        };
    }

    /** Parses {@code breaking}, {@code warning} or {@code info}; null for anything else. */
    public static Severity fromLabel(String label) {
        for (Severity s : values()) {
            if (s.label().equals(label)) return s;
        }
        return null;
    }
}

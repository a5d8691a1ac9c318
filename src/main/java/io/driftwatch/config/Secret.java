package io.driftwatch.config;

import java.util.Objects;

/**
 * A credential read from the environment or a file. {@link #toString()} never shows the value, so a
 * secret that ends up in a log line, exception message or JSON document by accident shows as
 * {@code ****}. Call {@link #reveal()} only at the point of use (an HTTP header, a signature).
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}

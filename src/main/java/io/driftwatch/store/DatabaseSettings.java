package io.driftwatch.store;

import io.driftwatch.config.Secret;
import java.util.Objects;

/**
 * How to reach the store.
 *
 * @param jdbcUrl {@code jdbc:h2:file:...} (see {@link Database#embeddedUrl}) or
 *     {@code jdbc:postgresql://host:port/database}; the dialect is taken from it
 * @param username database user, or null to use the URL's (H2 embedded needs none)
 * @param password database password, or null; kept as a {@link Secret} so it never reaches a log line
 * @param maxPoolSize pooled connections, or 0 for the dialect's default (H2 4, PostgreSQL 10)
 */
public record DatabaseSettings(String jdbcUrl, String username, Secret password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 0) {
            throw new IllegalArgumentException("store pool size must be 0 (default) or more, got " + maxPoolSize);
        }
    }

    /** A URL that carries everything it needs (embedded H2, or PostgreSQL with trust auth). */
    public static DatabaseSettings of(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, null, null, 0);
    }

    /** Shown in logs and errors: the URL with any password in it masked. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + Database.redact(jdbcUrl) + ", username=" + username + ", password="
                + (password == null ? "none" : Secret.MASK) + ", maxPoolSize=" + maxPoolSize + "]";
    }
}

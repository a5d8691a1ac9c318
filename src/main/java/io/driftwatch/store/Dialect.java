package io.driftwatch.store;

import java.util.Locale;

/**
 * The SQL that differs between the two supported stores. Everything else (migrations, queries) is
 * written once in SQL both accept; only statements with no common form live in the implementations,
 * one small file per database (as gatus keeps specific_postgres.go beside specific_sqlite.go).
 */
public sealed interface Dialect permits H2Dialect, PostgresDialect {

    /** Short lower-case name for logs and health output: {@code h2} or {@code postgresql}. */
    String name();

    /** Connections the pool keeps when the settings do not say. */
    int defaultPoolSize();

    /**
     * Inserts or replaces the {@code probe_latest} row of one probe, taking the parameters in
     * {@link RunColumns} order. An existing row is replaced only when the new run started at the same
     * time or later, so a slow run that finishes after its successor does not become "latest".
     */
    String upsertLatestSql();

    /**
     * Deletes up to {@code ?2} history rows that started before {@code ?1}; {@link RunStore#prune}
     * repeats it until fewer rows go, so no single statement holds locks on a large range.
     */
    String deleteRunsBeforeSql();

    /**
     * Deletes up to {@code ?5} history rows of probe {@code ?1} at or older than the cutoff run: started
     * before {@code ?2}, or at {@code ?3} (the same instant) with an id up to {@code ?4}.
     */
    String deleteRunsUpToSql();

    /**
     * The dialect of a JDBC URL. Fails for anything but {@code jdbc:h2:} and {@code jdbc:postgresql:};
     * the message shows only the URL's scheme, never its credentials.
     */
    static Dialect fromUrl(String jdbcUrl) {
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) return H2Dialect.INSTANCE;
        if (lower.startsWith("jdbc:postgresql:")) return PostgresDialect.INSTANCE;
        throw new IllegalArgumentException("unsupported store URL " + scheme(jdbcUrl)
                + ": expected jdbc:h2:... (embedded) or jdbc:postgresql://host:port/database");
    }

    private static String scheme(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) return "(empty)";
        int first = jdbcUrl.indexOf(':');
        int second = first < 0 ? -1 : jdbcUrl.indexOf(':', first + 1);
        return '"'
                + (second < 0 ? jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 12)) : jdbcUrl.substring(0, second + 1))
                + "...\"";
    }
}

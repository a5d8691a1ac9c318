package io.driftwatch.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Settings for {@link ProbeScheduler}: Quartz properties plus driftwatch's own {@code driftwatch.*}
 * keys, from the defaults below, then a properties file, then single overrides (later wins). The job
 * store is chosen by configuration alone.
 *
 * <p>Defaults (embedded, one node): {@code RAMJobStore}, on which {@code every:} probes run on the
 * {@link IntervalTimer} and Quartz fires only {@code cron:} probes; {@value #INTERVAL_TIMER}{@code
 * =false} makes Quartz fire every probe, as with a JDBC store. The Quartz thread pool is small,
 * because Quartz threads only fire triggers and hand runs to {@link RunDispatcher} (a few
 * microseconds each), so 8 threads and batches of up to 8 triggers acquired {@value
 * #FIRE_AHEAD_MILLIS} ms ahead sustain well over 1,000 fires/s. A batch may fire up to that window
 * early; the lag metric then records 0.
 *
 * <p>Misfires: a trigger later than {@code org.quartz.jobStore.misfireThreshold} is handled by its
 * misfire instruction (skip to the next fire); a late trigger under that threshold fires, and {@link
 * ProbeScheduler}'s job then runs only the first of the missed fires Quartz replays. The interval
 * timer applies the same threshold to the latest missed fire. Either way a probe never bursts after a
 * pause, GC or sleep.
 *
 * <p>Clustered on PostgreSQL (several daemons share the probes; a dead node's probes move), set:
 *
 * <pre>
 * org.quartz.jobStore.class=org.quartz.impl.jdbcjobstore.JobStoreTX
 * org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjobstore.PostgreSQLDelegate
 * org.quartz.jobStore.dataSource=driftwatch
 * org.quartz.jobStore.tablePrefix=QRTZ_
 * org.quartz.jobStore.useProperties=true           # the job data holds nothing but strings
 * org.quartz.jobStore.isClustered=true
 * org.quartz.jobStore.clusterCheckinInterval=5000
 * org.quartz.jobStore.acquireTriggersWithinLock=true  # required with batch acquisition (JDBC only)
 * org.quartz.scheduler.instanceId=AUTO             # unique per node; instanceName must match on all
 * org.quartz.dataSource.driftwatch.provider=hikaricp
 * org.quartz.dataSource.driftwatch.driver=org.postgresql.Driver
 * org.quartz.dataSource.driftwatch.URL=jdbc:postgresql://db:5432/driftwatch
 * org.quartz.dataSource.driftwatch.user=driftwatch
 * org.quartz.dataSource.driftwatch.password=...    # a secret: keep this file out of the repository
 * org.quartz.dataSource.driftwatch.maxConnections=12  # at least threadCount + 3
 * </pre>
 *
 * <p>The tables come from {@code org/quartz/impl/jdbcjobstore/tables_postgres.sql} in the Quartz jar
 * ({@code tables_h2.sql} for H2). JDBC-only keys ({@code driverDelegateClass}, {@code isClustered},
 * ...) must not be set with the RAM store: Quartz rejects job store properties it has no setter for.
 */
public final class SchedulerSettings {

    public static final String INSTANCE_NAME = "org.quartz.scheduler.instanceName";
    public static final String JOB_STORE_CLASS = "org.quartz.jobStore.class";
    public static final String MISFIRE_THRESHOLD = "org.quartz.jobStore.misfireThreshold";
    public static final String THREAD_COUNT = "org.quartz.threadPool.threadCount";
    public static final String DEFAULT_INSTANCE_NAME = "driftwatch";
    /**
     * {@code true} (default) or {@code false}: whether {@code every:} probes on the RAM store run on the
     * {@link IntervalTimer} instead of Quartz. Not passed to Quartz, like every {@value
     * #DRIFTWATCH_PREFIX}* key.
     */
    public static final String INTERVAL_TIMER = "driftwatch.scheduler.intervalTimer";

    static final String DRIFTWATCH_PREFIX = "driftwatch.";
    static final String RAM_JOB_STORE = "org.quartz.simpl.RAMJobStore";
    /** Quartz's own default when {@link #MISFIRE_THRESHOLD} is not set. */
    private static final long QUARTZ_DEFAULT_MISFIRE_THRESHOLD_MILLIS = 60_000;

    static final int FIRE_AHEAD_MILLIS = 5;

    private final Properties properties;

    private SchedulerSettings(Properties properties) {
        this.properties = properties;
    }

    /** The embedded defaults described in the class comment. */
    public static SchedulerSettings defaults() {
        Properties p = new Properties();
        p.setProperty(INSTANCE_NAME, DEFAULT_INSTANCE_NAME);
        // Removed from Quartz 2.5 (ignored there); kept so an older Quartz never calls home.
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "8");
        p.setProperty(
                "org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", String.valueOf(FIRE_AHEAD_MILLIS));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // A batch is never larger than the free threads, so threadCount >= batch size.
        p.setProperty(THREAD_COUNT, "8");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "driftwatch-quartz");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty(JOB_STORE_CLASS, RAM_JOB_STORE);
        p.setProperty(MISFIRE_THRESHOLD, "10000");
        return new SchedulerSettings(p);
    }

    /** These settings with every key of a {@code .properties} file (UTF-8) on top. */
    public SchedulerSettings withFile(Path file) {
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fromFile.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scheduler settings " + file, e);
        }
        Properties merged = copy();
        fromFile.stringPropertyNames().forEach(key -> merged.setProperty(key, fromFile.getProperty(key)));
        return new SchedulerSettings(merged);
    }

    /** These settings with {@code overrides} on top. */
    public SchedulerSettings with(Map<String, String> overrides) {
        Properties merged = copy();
        overrides.forEach(merged::setProperty);
        return new SchedulerSettings(merged);
    }

    public SchedulerSettings with(String key, String value) {
        return with(Map.of(key, value));
    }

    /**
     * The Quartz properties, for {@link org.quartz.impl.StdSchedulerFactory}: a copy without the
     * {@value #DRIFTWATCH_PREFIX}* keys, which are not Quartz's. May hold a database password.
     */
    public Properties toProperties() {
        Properties quartz = copy();
        quartz.stringPropertyNames().stream()
                .filter(key -> key.startsWith(DRIFTWATCH_PREFIX))
                .forEach(quartz::remove);
        return quartz;
    }

    /**
     * True if {@code every:} probes run on the {@link IntervalTimer}: the job store is Quartz's RAM store
     * (also Quartz's default when none is set) and {@value #INTERVAL_TIMER} is not {@code false}. A
     * JDBC store keeps every probe on Quartz, which shares and fails over triggers between nodes.
     *
     * @throws IllegalArgumentException if {@value #INTERVAL_TIMER} is neither true nor false
     */
    public boolean intervalTimer() {
        String value = properties.getProperty(INTERVAL_TIMER, "true").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(INTERVAL_TIMER + " must be true or false, was \"" + value + "\"");
        }
        String store = properties.getProperty(JOB_STORE_CLASS, RAM_JOB_STORE).trim();
        return value.equals("true") && store.equals(RAM_JOB_STORE);
    }

    /** {@value #MISFIRE_THRESHOLD}, or Quartz's default of a minute when it is not set. */
    Duration misfireThreshold() {
        String value = properties.getProperty(MISFIRE_THRESHOLD);
        return Duration.ofMillis(
                value == null ? QUARTZ_DEFAULT_MISFIRE_THRESHOLD_MILLIS : Long.parseLong(value.trim()));
    }

    public String get(String key) {
        return properties.getProperty(key);
    }

    private Properties copy() {
        Properties copy = new Properties();
        properties.stringPropertyNames().forEach(key -> copy.setProperty(key, properties.getProperty(key)));
        return copy;
    }

    /** Lists the keys only: values may include a database password. */
    @Override
    public String toString() {
        return "SchedulerSettings" + new java.util.TreeSet<>(properties.stringPropertyNames());
    }
}

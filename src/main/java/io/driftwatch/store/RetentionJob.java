package io.driftwatch.store;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link Retention} to run history. The daemon calls {@link #runOnce()} periodically (hourly
 * is plenty; each call deletes in batches and is safe alongside a running {@link RunWriter}).
 */
public final class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /**
     * What one pass deleted.
     *
     * @param cutoff runs that started before this were deleted
     * @param deletedByAge history rows deleted for being older than the cutoff
     * @param deletedBeyondCap history rows deleted for exceeding the per-probe cap
     */
    public record Result(Instant cutoff, int deletedByAge, int deletedBeyondCap) {
        public int deleted() {
            return deletedByAge + deletedBeyondCap;
        }
    }

    private final RunStore store;
    private final Retention retention;
    private final Clock clock;

    public RetentionJob(RunStore store, Retention retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes by age first (cheap, by index range), then trims each probe to its cap. */
    public Result runOnce() {
        Instant cutoff = clock.instant().minus(retention.maxAge());
        int byAge = store.prune(cutoff);
        int byCap = retention.capsRunsPerProbe() ? store.pruneBeyond(retention.maxRunsPerProbe()) : 0;
        Result result = new Result(cutoff, byAge, byCap);
        if (result.deleted() > 0) {
            log.info(
                    "retention deleted {} probe runs ({} started before {}, {} beyond {} per probe)",
                    result.deleted(),
                    byAge,
                    cutoff,
                    byCap,
                    retention.maxRunsPerProbe());
        }
        return result;
    }
}

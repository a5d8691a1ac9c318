package io.driftwatch.http;

import io.driftwatch.config.RetrySpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How one probe run is executed.
 *
 * @param probeId written to the audit trail
 * @param deadline covers every attempt and every backoff together; each attempt's request timeout is the
 *     time still left
 * @param retry attempts and backoff; null means {@link RetrySpec#DEFAULT}
 * @param maxBodyBytes a larger response fails as body-too-large without being buffered
 * @param captureBodyOnFailure put a redacted, 4 KB-capped copy of a failed call's body in the audit trail
 * @param requestIdHeader response header holding the vendor's request id (e.g. {@code intuit_tid}), or null
 */
public record ExecutionOptions(
        String probeId,
        Duration deadline,
        RetrySpec retry,
        long maxBodyBytes,
        boolean captureBodyOnFailure,
        String requestIdHeader) {

    public ExecutionOptions {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must be >= 0: " + maxBodyBytes);
        retry = retry == null ? RetrySpec.DEFAULT : retry;
        requestIdHeader = requestIdHeader == null ? null : requestIdHeader.toLowerCase(Locale.ROOT);
    }

    /** Defaults for a probe: 10 s deadline, default retries, 5 MB cap, no body capture, no request id. */
    public static ExecutionOptions defaults(String probeId) {
        return new ExecutionOptions(probeId, Duration.ofSeconds(10), RetrySpec.DEFAULT, 5L * 1024 * 1024, false, null);
    }
}

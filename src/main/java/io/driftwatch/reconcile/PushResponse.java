package io.driftwatch.reconcile;

/** What the HTTP layer sends back for a push: a result (200) or a rejection with its status. */
public sealed interface PushResponse {

    /**
     * The push was reconciled, now or earlier.
     *
     * @param replayed true when the result was stored earlier under the same idempotency id and is
     *     returned without recomputing (the HTTP layer may add an {@code Idempotent-Replayed: true} header)
     */
    record Accepted(PushResult result, boolean replayed) implements PushResponse {}

    /**
     * Nothing was computed or stored.
     *
     * @param status 400 malformed or incomplete body, 404 unknown check, 413 body too large, 422
     *     idempotency id reused for a different request or check not applicable to this kind of body
     * @param message one precise line for the client, e.g. {@code missing field 'after'}
     */
    record Rejected(int status, String message) implements PushResponse {}
}

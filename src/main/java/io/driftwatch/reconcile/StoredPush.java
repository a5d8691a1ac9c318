package io.driftwatch.reconcile;

/**
 * One remembered push.
 *
 * @param requestSha256 hex SHA-256 of the request body, to tell a retry from a different request that
 *     reuses the id
 */
public record StoredPush(String check, String idempotencyId, String requestSha256, PushResult result) {}

package io.driftwatch.sandbox;

/**
 * What the sandbox has seen, for tests that must prove a client's behaviour from the server side (one
 * refresh for 50 concurrent callers, no throttling under a burst).
 *
 * @param qboRefreshes successful QuickBooks refresh-token grants
 * @param qboRefreshFailures refused QuickBooks token requests (invalid_grant, invalid_client...)
 * @param qboApiRequests QuickBooks API requests admitted past the throttle
 * @param qboThrottled QuickBooks API requests refused with 429 by the per-realm limits
 * @param qboPeakConcurrent most QuickBooks requests for one realm that were in flight at once, counting
 *     ones refused for concurrency (so a client that overran the limit shows a value above it)
 * @param qboInFlight QuickBooks requests in flight right now
 * @param salesforceTokens Salesforce access tokens issued
 * @param salesforceTokenFailures refused Salesforce token requests
 * @param salesforceApiRequests Salesforce API requests counted against the daily allocation
 * @param smartyRequests Smarty requests (any outcome)
 * @param jobsRequests generic {@code /jobs} requests (any outcome)
 */
public record SandboxStats(
        long qboRefreshes,
        long qboRefreshFailures,
        long qboApiRequests,
        long qboThrottled,
        int qboPeakConcurrent,
        int qboInFlight,
        long salesforceTokens,
        long salesforceTokenFailures,
        long salesforceApiRequests,
        long smartyRequests,
        long jobsRequests) {}

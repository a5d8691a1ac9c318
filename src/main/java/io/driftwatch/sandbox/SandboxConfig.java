package io.driftwatch.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Sandbox} behaves. Defaults follow the vendors' documented numbers (VENDORS.md) except where
 * a test needs to prove a behaviour quickly: the QuickBooks refresh-token grace is 0 here (Intuit: 24 h)
 * so a test can show the old token failing right after rotation.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param clock drives token expiry, rate windows and timestamps in payloads
 * @param sleeper waits for {@code added-latency}
 * @param keyDirectory where the Salesforce key pair is read from ({@code salesforce-private.pem}, {@code
 *     salesforce-public.pem}) or written to when absent; null means a temporary directory deleted on close
 * @param qboAccessTokenLifetime {@code expires_in} of QuickBooks access tokens (Intuit: 3600 s)
 * @param qboRefreshTokenLifetime rolling validity of a QuickBooks refresh token (Intuit: 100 days)
 * @param qboRefreshTokenHardLifetime absolute cap from the sandbox's start (Intuit: 5 years)
 * @param qboRefreshGrace how long a rotated-out refresh token keeps working (Intuit: 24 h)
 * @param qboTokenNumbersAsStrings answer {@code "expires_in":"3600"} as Intuit's README once showed
 * @param qboRequestsPerMinute QuickBooks throttle per realm over a sliding minute (Intuit: 500)
 * @param qboMaxConcurrent QuickBooks concurrent requests per realm (Intuit: 10)
 * @param salesforceSessionTimeout idle time after which a Salesforce access token is invalid (default 2 h)
 * @param salesforceDailyApiMax org daily API request allocation shown in {@code Sforce-Limit-Info}
 * @param salesforceBatchSize SOQL records per batch before {@code nextRecordsUrl} (Salesforce: up to 2,000)
 * @param salesforceOpportunityCount Opportunity records in the fake org
 * @param invoiceCount QuickBooks invoices in the fake company
 * @param jobCount records behind the generic paginated {@code /jobs} source
 * @param hangLimit how long the {@code hang} scenario holds a request when it gives no {@code millis}
 * @param scenarios scenarios active from the start
 */
public record SandboxConfig(
        int port,
        Clock clock,
        Sleeper sleeper,
        Path keyDirectory,
        Duration qboAccessTokenLifetime,
        Duration qboRefreshTokenLifetime,
        Duration qboRefreshTokenHardLifetime,
        Duration qboRefreshGrace,
        boolean qboTokenNumbersAsStrings,
        int qboRequestsPerMinute,
        int qboMaxConcurrent,
        Duration salesforceSessionTimeout,
        long salesforceDailyApiMax,
        int salesforceBatchSize,
        int salesforceOpportunityCount,
        int invoiceCount,
        int jobCount,
        Duration hangLimit,
        List<Scenario> scenarios) {

    public SandboxConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        scenarios = List.copyOf(scenarios);
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (qboRequestsPerMinute < 1 || qboMaxConcurrent < 1) {
            throw new IllegalArgumentException("QuickBooks limits must be at least 1");
        }
        if (salesforceBatchSize < 1 || salesforceBatchSize > 2000) {
            throw new IllegalArgumentException("salesforceBatchSize must be 1..2000, got " + salesforceBatchSize);
        }
        if (invoiceCount < 1) throw new IllegalArgumentException("invoiceCount must be at least 1");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SandboxConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        var b = new Builder();
        b.port = port;
        b.clock = clock;
        b.sleeper = sleeper;
        b.keyDirectory = keyDirectory;
        b.qboAccessTokenLifetime = qboAccessTokenLifetime;
        b.qboRefreshTokenLifetime = qboRefreshTokenLifetime;
        b.qboRefreshTokenHardLifetime = qboRefreshTokenHardLifetime;
        b.qboRefreshGrace = qboRefreshGrace;
        b.qboTokenNumbersAsStrings = qboTokenNumbersAsStrings;
        b.qboRequestsPerMinute = qboRequestsPerMinute;
        b.qboMaxConcurrent = qboMaxConcurrent;
        b.salesforceSessionTimeout = salesforceSessionTimeout;
        b.salesforceDailyApiMax = salesforceDailyApiMax;
        b.salesforceBatchSize = salesforceBatchSize;
        b.salesforceOpportunityCount = salesforceOpportunityCount;
        b.invoiceCount = invoiceCount;
        b.jobCount = jobCount;
        b.hangLimit = hangLimit;
        b.scenarios = scenarios;
        return b;
    }

    /** Mutable builder; every field starts at the documented default. */
    public static final class Builder {
        private int port = 0;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Path keyDirectory;
        private Duration qboAccessTokenLifetime = Duration.ofHours(1);
        private Duration qboRefreshTokenLifetime = Duration.ofDays(101);
        private Duration qboRefreshTokenHardLifetime = Duration.ofDays(5 * 365);
        private Duration qboRefreshGrace = Duration.ZERO;
        private boolean qboTokenNumbersAsStrings;
        private int qboRequestsPerMinute = 500;
        private int qboMaxConcurrent = 10;
        private Duration salesforceSessionTimeout = Duration.ofHours(2);
        private long salesforceDailyApiMax = 15_000;
        private int salesforceBatchSize = 2000;
        private int salesforceOpportunityCount = 2350;
        private int invoiceCount = 40;
        private int jobCount = 1050;
        private Duration hangLimit = Duration.ofMinutes(2);
        private List<Scenario> scenarios = List.of();

        private Builder() {}

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder sleeper(Sleeper v) {
            sleeper = v;
            return this;
        }

        public Builder keyDirectory(Path v) {
            keyDirectory = v;
            return this;
        }

        public Builder qboAccessTokenLifetime(Duration v) {
            qboAccessTokenLifetime = v;
            return this;
        }

        public Builder qboRefreshTokenLifetime(Duration v) {
            qboRefreshTokenLifetime = v;
            return this;
        }

        public Builder qboRefreshTokenHardLifetime(Duration v) {
            qboRefreshTokenHardLifetime = v;
            return this;
        }

        public Builder qboRefreshGrace(Duration v) {
            qboRefreshGrace = v;
            return this;
        }

        public Builder qboTokenNumbersAsStrings(boolean v) {
            qboTokenNumbersAsStrings = v;
            return this;
        }

        public Builder qboRequestsPerMinute(int v) {
            qboRequestsPerMinute = v;
            return this;
        }

        public Builder qboMaxConcurrent(int v) {
            qboMaxConcurrent = v;
            return this;
        }

        public Builder salesforceSessionTimeout(Duration v) {
            salesforceSessionTimeout = v;
            return this;
        }

        public Builder salesforceDailyApiMax(long v) {
            salesforceDailyApiMax = v;
            return this;
        }

        public Builder salesforceBatchSize(int v) {
            salesforceBatchSize = v;
            return this;
        }

        public Builder salesforceOpportunityCount(int v) {
            salesforceOpportunityCount = v;
            return this;
        }

        public Builder invoiceCount(int v) {
            invoiceCount = v;
            return this;
        }

        public Builder jobCount(int v) {
            jobCount = v;
            return this;
        }

        public Builder hangLimit(Duration v) {
            hangLimit = v;
            return this;
        }

        public Builder scenarios(List<Scenario> v) {
            scenarios = v;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(
                    port,
                    clock,
                    sleeper,
                    keyDirectory,
                    qboAccessTokenLifetime,
                    qboRefreshTokenLifetime,
                    qboRefreshTokenHardLifetime,
                    qboRefreshGrace,
                    qboTokenNumbersAsStrings,
                    qboRequestsPerMinute,
                    qboMaxConcurrent,
                    salesforceSessionTimeout,
                    salesforceDailyApiMax,
                    salesforceBatchSize,
                    salesforceOpportunityCount,
                    invoiceCount,
                    jobCount,
                    hangLimit,
                    scenarios);
        }
    }
}

package io.driftwatch.alert;

import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.DeliverySettings;
import io.driftwatch.channel.ChannelDependencies;
import io.driftwatch.channel.ChannelRegistry;
import io.driftwatch.channel.ChannelSpec;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.outbox.Backoff;
import io.driftwatch.outbox.OutboxDispatcher;
import io.driftwatch.outbox.OutboxMetrics;
import io.driftwatch.outbox.OutboxRepository;
import io.driftwatch.probe.ProbeResultListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The daemon's alerting, wired: engine, channels, outbox dispatcher (started on a virtual thread) and
 * metrics. The daemon creates one after the store is migrated, registers {@link #listener} with the
 * probe runner, calls {@link #reload} when alerting/ changes and {@link #close} on shutdown.
 */
public final class AlertingRuntime implements AutoCloseable {
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private final ChannelDependencies dependencies;
    private final AlertEngine engine;
    private final OutboxDispatcher dispatcher;
    private final OutboxMetrics outboxMetrics;

    public AlertingRuntime(DataSource dataSource, AlertingConfig config, Clock clock, MeterRegistry meters) {
        this.dependencies = ChannelDependencies.standard(clock);
        this.engine = new AlertEngine(dataSource, config, clock, new AlertMetrics(meters));
        DeliverySettings delivery = config.delivery();
        this.outboxMetrics = new OutboxMetrics(meters);
        outboxMetrics.declare(config.channels().stream().map(ChannelSpec::name).toList());
        this.dispatcher = new OutboxDispatcher(
                new OutboxRepository(dataSource),
                registry.createAll(config.channels(), dependencies),
                clock,
                new Backoff(delivery.initialBackoff(), delivery.maxBackoff(), RandomGenerator.getDefault()),
                delivery.deadLetterAfter(),
                engine,
                outboxMetrics);
        engine.setAfterCommit(dispatcher::wakeUp);
    }

    /** Starts delivering (rows left by a previous process go out first). */
    public AlertingRuntime start() {
        dispatcher.start(OutboxDispatcher.DEFAULT_POLL_INTERVAL);
        return this;
    }

    /** For the probe runner; {@code vendorOf} maps a probe to its connection's vendor. */
    public ProbeResultListener listener(Function<ProbeDefinition, String> vendorOf) {
        return engine.listener(vendorOf);
    }

    /** The engine, for config alerts ({@code onConfigProblems}, {@code onConfigLoaded}) and the API. */
    public AlertEngine engine() {
        return engine;
    }

    /**
     * Applies a reloaded alerting config: new routes and channels. Retry timing and the dead-letter
     * time keep their startup values until restart.
     */
    public void reload(AlertingConfig config) {
        engine.setConfig(config);
        dispatcher.setChannels(registry.createAll(config.channels(), dependencies));
        outboxMetrics.declare(config.channels().stream().map(ChannelSpec::name).toList());
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}

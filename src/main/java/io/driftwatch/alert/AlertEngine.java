package io.driftwatch.alert;

import io.driftwatch.alert.config.AlertingConfig;
import io.driftwatch.alert.config.Thresholds;
import io.driftwatch.channel.AlertMessage;
import io.driftwatch.channel.AlertMessage.FindingDetail;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.outbox.DeliveryListener;
import io.driftwatch.outbox.MessageCodec;
import io.driftwatch.outbox.Notification;
import io.driftwatch.outbox.OutboxRepository;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.probe.ProbeResultListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluate, decide, enqueue. Each call advances the alert keys it concerns through {@link Lifecycle}
 * and writes their new state and outbox rows in ONE transaction, then wakes the dispatcher. A crash
 * before the commit loses nothing that was promised (the next run re-evaluates); a crash after it
 * leaves rows the dispatcher delivers after restart. Keys of one probe are locked ({@code FOR UPDATE})
 * for the transaction, so concurrent runs of one probe serialise.
 *
 * <p>Also the outbox's {@link DeliveryListener}: a dead letter raises {@code delivery-failed/<channel>}
 * through every other channel; the channel's next successful delivery resolves it.
 */
public final class AlertEngine implements DeliveryListener {
    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    static final String CONFIG_KIND = "config";
    static final String DELIVERY_KIND = "delivery-failed";
    private static final long METRICS_MAX_AGE_NANOS = 5_000_000_000L;

    private final DataSource dataSource;
    private final AlertStateRepository states;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final LiveProbes live;
    private volatile AlertingConfig config;
    private volatile Runnable afterCommit = () -> {};
    private volatile long metricsRefreshedAt;

    public AlertEngine(DataSource dataSource, AlertingConfig config, Clock clock, AlertMetrics metrics) {
        this.dataSource = dataSource;
        this.states = new AlertStateRepository(dataSource);
        this.outbox = new OutboxRepository(dataSource);
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.live = new LiveProbes(states);
        refreshMetrics();
    }

    /** Swaps the alerting config after a reload; open alerts keep their state. */
    public void setConfig(AlertingConfig config) {
        this.config = config;
    }

    /** Called after every commit that queued notifications (the lead passes {@code dispatcher::wakeUp}). */
    public void setAfterCommit(Runnable afterCommit) {
        this.afterCommit = afterCommit;
    }

    public AlertStateRepository states() {
        return states;
    }

    /** A {@link ProbeResultListener} for the runner, with the connection's vendor looked up per probe. */
    public ProbeResultListener listener(Function<ProbeDefinition, String> vendorOf) {
        return (probe, result) -> onResult(probe, vendorOf.apply(probe), result);
    }

    /** Applies one completed run of {@code probe} (whose connection's vendor is {@code vendor}). */
    public void onResult(ProbeDefinition probe, String vendor, ProbeResult result) {
        Map<String, RunObservations.Problem> problems = RunObservations.problems(result);
        // The common case: a passing run of a probe whose alert states are all settled changes nothing.
        if (problems.isEmpty() && !live.mayChange(probe.id())) {
            refreshMetricsIfStale();
            return;
        }
        List<AlertState> seen = new ArrayList<>();
        try {
            advanceProbe(probe, vendor, result, problems, seen);
        } catch (RuntimeException e) {
            live.markLive(probe.id());
            throw e;
        }
        live.update(probe.id(), seen);
    }

    private void advanceProbe(
            ProbeDefinition probe,
            String vendor,
            ProbeResult result,
            Map<String, RunObservations.Problem> problems,
            List<AlertState> seen) {
        transaction(c -> {
            seen.clear(); // a retried transaction starts over
            Instant now = clock.instant();
            Map<String, AlertState> existing = states.lockProbe(c, probe.id());
            Set<String> kinds = new LinkedHashSet<>(problems.keySet());
            existing.values().forEach(s -> kinds.add(s.kind));
            int queued = 0;
            int saved = 0;
            for (String kind : kinds) {
                String key = probe.id() + "/" + kind;
                RunObservations.Problem p = problems.get(kind);
                AlertState s = existing.get(key);
                if (s == null) s = AlertState.fresh(key, probe.id(), kind, vendor);
                if (p == null && s.isNew) continue;
                seen.add(s);
                if (p == null && s.status == AlertStatus.OK && s.notifiedStatus == AlertStatus.OK && !s.flapping)
                    continue;
                Lifecycle.Observation o =
                        p != null ? Lifecycle.Observation.FAILING : RunObservations.absentKeyObservation(result, kind);
                var ctx = new AlertContext(
                        key,
                        probe.id(),
                        vendor,
                        kind,
                        p != null ? union(kind, p.findingKinds()) : Set.of(kind),
                        probe.labels(),
                        probe.alert().route(),
                        probe.runbook(),
                        probe.alert().severity(),
                        p != null ? p.findings() : List.of(),
                        p != null ? p.summary() : null,
                        null);
                queued += advance(c, s, o, p == null ? null : p.level(), ctx, now);
                saved++;
            }
            return new Written(saved, queued);
        });
    }

    /** Probe config reload failed: fires {@code config/<source>} at once with every problem as evidence. */
    public void onConfigProblems(String source, List<String> problems) {
        var findings = problems.stream()
                .map(p -> new FindingDetail("config", CONFIG_KIND, "FAIL", p, Map.of()))
                .toList();
        String summary = "Configuration reload failed with " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "; the last good configuration keeps running";
        internal("config/" + source, CONFIG_KIND, "warning", Lifecycle.Observation.FAILING, findings, summary, null);
    }

    /** Probe config loaded cleanly again: resolves {@code config/<source>} if it was open. */
    public void onConfigLoaded(String source) {
        internal("config/" + source, CONFIG_KIND, "warning", Lifecycle.Observation.PASSING, List.of(), null, null);
    }

    @Override
    public void onDeadLetter(Notification n, String lastError) {
        List<String> others = config.channelNames().stream()
                .filter(c -> !c.equals(n.channel()))
                .toList();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("channel", n.channel());
        evidence.put("notification", n.message().title());
        evidence.put("dedupKey", n.dedupKey());
        evidence.put("queuedAt", n.createdAt().toString());
        evidence.put("attempts", String.valueOf(n.attempts() + 1));
        evidence.put("lastError", String.valueOf(lastError));
        var finding = new FindingDetail(
                "delivery",
                DELIVERY_KIND,
                "FAIL",
                "Notification " + n.dedupKey() + " could not be delivered",
                evidence);
        String summary = "Notifications to channel '" + n.channel() + "' are failing: " + lastError;
        internal(
                "delivery-failed/" + n.channel(),
                DELIVERY_KIND,
                "critical",
                Lifecycle.Observation.FAILING,
                List.of(finding),
                summary,
                others);
    }

    @Override
    public void onDelivered(Notification n) {
        if (n.alertKey().startsWith("delivery-failed/")) return;
        try {
            var state = states.find("delivery-failed/" + n.channel());
            if (state.isEmpty() || !state.get().status.isOpen()) return;
        } catch (SQLException e) {
            log.warn("cannot read delivery alert state for channel {}", n.channel(), e);
            return;
        }
        List<String> others = config.channelNames().stream()
                .filter(c -> !c.equals(n.channel()))
                .toList();
        internal(
                "delivery-failed/" + n.channel(),
                DELIVERY_KIND,
                "critical",
                Lifecycle.Observation.PASSING,
                List.of(),
                null,
                others);
    }

    private void internal(
            String key,
            String kind,
            String severity,
            Lifecycle.Observation o,
            List<FindingDetail> findings,
            String summary,
            List<String> fixedChannels) {
        transaction(c -> {
            Instant now = clock.instant();
            AlertState s = states.lock(c, key).orElse(null);
            if (s == null && o != Lifecycle.Observation.FAILING) return Written.NOTHING;
            if (s == null) s = AlertState.fresh(key, null, kind, null);
            var ctx = new AlertContext(
                    key,
                    null,
                    null,
                    kind,
                    Set.of(kind),
                    Map.of(),
                    null,
                    null,
                    severity,
                    findings,
                    summary,
                    fixedChannels);
            return new Written(1, advance(c, s, o, "FAIL", ctx, now));
        });
    }

    /** Observe, decide, enqueue, save; returns the number of outbox rows written. */
    private int advance(
            Connection c, AlertState s, Lifecycle.Observation o, String level, AlertContext ctx, Instant now)
            throws SQLException {
        AlertingConfig cfg = config;
        String severity = level == null ? s.severity : ctx.severityFor(level);
        var decision = cfg.route(ctx.subject(severity == null ? ctx.probeSeverity() : severity), ctx.route());
        Thresholds t = ctx.fixedChannels() != null || CONFIG_KIND.equals(ctx.kind())
                ? Thresholds.IMMEDIATE
                : decision.thresholds();
        if (o == Lifecycle.Observation.FAILING && ctx.summary() != null) s.summary = ctx.summary();
        Lifecycle.observe(s, o, level, severity, t, now);
        boolean heldBack = cfg.suppression(ctx.subject(s.severity), now).isPresent();
        int queued = 0;
        for (Lifecycle.Notice n : Lifecycle.decide(s, t, now, heldBack)) {
            AlertMessage message = AlertMessages.build(s, n, ctx, cfg, now);
            List<String> channels = ctx.fixedChannels() != null
                    ? ctx.fixedChannels()
                    : cfg.route(ctx.subject(n.severity()), ctx.route()).channels();
            for (String channel : channels) {
                outbox.enqueue(c, channel, message, now);
                queued++;
            }
            if (channels.isEmpty()) log.warn("alert {} ({}) matches no route with channels", s.alertKey, n.event());
            s.messageJson = MessageCodec.write(message);
        }
        if (s.messageJson == null || o == Lifecycle.Observation.FAILING) {
            s.messageJson = MessageCodec.write(AlertMessages.build(
                    s, new Lifecycle.Notice(AlertMessage.Event.FIRING, s.incidentKey, "", s.severity), ctx, cfg, now));
        }
        s.updatedAt = now;
        states.save(c, s);
        return queued;
    }

    private static Set<String> union(String kind, Set<String> kinds) {
        var all = new LinkedHashSet<String>();
        all.add(kind);
        all.addAll(kinds);
        return all;
    }

    /** What one transaction wrote: alert states saved, outbox rows queued. */
    private record Written(int saved, int queued) {
        static final Written NOTHING = new Written(0, 0);
    }

    @FunctionalInterface
    private interface Work {
        Written run(Connection c) throws SQLException;
    }

    /**
     * Open-alert counts change only when a state is saved; they are re-read then. Otherwise at most every
     * {@link #METRICS_MAX_AGE_NANOS}, so changes made by other nodes sharing the store show up too.
     */
    private void refreshMetricsIfStale() {
        long now = System.nanoTime();
        if (now - metricsRefreshedAt > METRICS_MAX_AGE_NANOS) refreshMetrics();
    }

    private void refreshMetrics() {
        metricsRefreshedAt = System.nanoTime();
        metrics.refresh(states);
    }

    /** Runs {@code work} in one transaction; retried once on a conflicting insert by a concurrent run. */
    private void transaction(Work work) {
        for (int attempt = 1; ; attempt++) {
            Written written;
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    written = work.run(c);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } catch (SQLException e) {
                if (attempt < 2 && "23505".equals(e.getSQLState())) continue;
                throw new AlertStoreException("alert state update failed: " + e.getMessage(), e);
            }
            // After the connection is back in the pool: the metrics read takes one of its own, and taking
            // it while holding this one starved the pool when every connection did the same.
            if (written.saved() > 0) refreshMetrics();
            else refreshMetricsIfStale();
            if (written.queued() > 0) afterCommit.run();
            return;
        }
    }
}

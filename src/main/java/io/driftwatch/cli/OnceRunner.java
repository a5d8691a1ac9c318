package io.driftwatch.cli;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.probe.ProbeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Runs a set of probes once, concurrently on virtual threads, within each connection's concurrency. */
final class OnceRunner {
    private OnceRunner() {}

    static List<ProbeResult> runAll(Engine engine, List<ProbeDefinition> probes) {
        Map<String, Semaphore> permits = new HashMap<>();
        for (ProbeDefinition p : probes) {
            ConnectionDefinition c = engine.connection(p);
            int max = c == null ? ConnectionDefinition.DEFAULT_MAX_CONCURRENCY : Math.max(1, c.maxConcurrency());
            permits.putIfAbsent(p.connection(), new Semaphore(max));
        }
        List<ProbeResult> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (ProbeDefinition p : probes) {
                Semaphore s = permits.get(p.connection());
                futures.add(executor.submit(() -> {
                    s.acquire();
                    try {
                        return engine.runner().run(p, engine.clock().instant());
                    } finally {
                        s.release();
                    }
                }));
            }
            for (Future<ProbeResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("probe run failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        return results;
    }
}

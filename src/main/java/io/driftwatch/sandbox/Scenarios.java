package io.driftwatch.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The active scenarios, at most one per kind (setting a kind again replaces its params). Thread-safe. */
final class Scenarios {

    /**
     * @param since when it was switched on
     * @param hits requests it has seen, for {@code every}-th request scenarios
     */
    record Active(Scenario scenario, Instant since, AtomicLong hits) {}

    private final Map<ScenarioKind, Active> active = new LinkedHashMap<>();

    synchronized void set(Scenario scenario, Instant now) {
        active.remove(scenario.kind()); // re-insert so the listing shows activation order
        active.put(scenario.kind(), new Active(scenario, now, new AtomicLong()));
    }

    synchronized boolean remove(ScenarioKind kind) {
        return active.remove(kind) != null;
    }

    synchronized void reset() {
        active.clear();
    }

    synchronized List<Scenario> list() {
        var out = new ArrayList<Scenario>();
        for (Active a : active.values()) out.add(a.scenario());
        return out;
    }

    /** The active scenario of {@code kind} when it applies to {@code vendor}. */
    synchronized Optional<Active> find(ScenarioKind kind, SandboxVendor vendor) {
        Active a = active.get(kind);
        return a != null && a.scenario().appliesTo(vendor) ? Optional.of(a) : Optional.empty();
    }

    boolean on(ScenarioKind kind, SandboxVendor vendor) {
        return find(kind, vendor).isPresent();
    }
}

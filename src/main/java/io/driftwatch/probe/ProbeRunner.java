package io.driftwatch.probe;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.finding.Outcome;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.reconcile.ExactJson;
import io.driftwatch.reconcile.ReconcileStats;
import io.driftwatch.vendor.Vendor;
import io.driftwatch.vendor.VendorRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one probe: builds the request, sends it through the connection, parses the body once, applies
 * every check and the vendor's inspection, and hands the result to listeners (store, metrics, alerts).
 *
 * <p>Thread-safe; one instance serves all probes. Checks are built once per probe definition and rebuilt
 * when the definition object changes (hot reload).
 */
public final class ProbeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);
    /** Transport-level findings and invalid JSON are reported under this check name. */
    public static final String REQUEST_CHECK = "request";

    /** One exact parse per run, shared by every check: money stays BigDecimal with its scale. */
    private static final ObjectMapper JSON = ExactJson.mapper();

    private final Function<String, ConnectionDefinition> connections;
    private final Exchanger exchanger;
    private final VendorRegistry vendors;
    private final List<CheckFactory> factories;
    private final Clock clock;
    private final List<ProbeResultListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final ReconcileRun reconcile;

    /** Probes without a connection call the absolute URL in their path, with no auth. */
    static final ConnectionDefinition DIRECT = new ConnectionDefinition(
            "direct", "generic", null, Map.of(), null, ConnectionDefinition.DEFAULT_MAX_CONCURRENCY, Map.of(), null);

    private record Compiled(ProbeDefinition definition, List<Check> checks) {}

    /**
     * The request a probe's spec builds against its connection. Both are immutable, so the build (two URI
     * parses, the query, the header map) is done again only when either object is replaced by a reload.
     */
    private record BuiltRequest(ConnectionDefinition connection, RequestSpec spec, OutgoingRequest request) {}

    private final Map<String, BuiltRequest> requests = new ConcurrentHashMap<>();

    public ProbeRunner(
            Function<String, ConnectionDefinition> connections,
            Exchanger exchanger,
            VendorRegistry vendors,
            List<CheckFactory> factories,
            Clock clock) {
        this(connections, exchanger, vendors, factories, clock, ReconcileStats.NONE);
    }

    /** @param reconcileStats receives the summary of every {@code kind: reconcile} run, for the gauges */
    public ProbeRunner(
            Function<String, ConnectionDefinition> connections,
            Exchanger exchanger,
            VendorRegistry vendors,
            List<CheckFactory> factories,
            Clock clock,
            ReconcileStats reconcileStats) {
        this.reconcile = new ReconcileRun(connections, exchanger, vendors, clock, reconcileStats);
        this.connections = connections;
        this.exchanger = exchanger;
        this.vendors = vendors;
        this.factories = List.copyOf(factories);
        this.clock = clock;
    }

    public ProbeRunner addListener(ProbeResultListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Runs the probe now and notifies listeners. Never throws. */
    public ProbeResult run(ProbeDefinition probe, Instant scheduledAt) {
        try (var ignored = MDC.putCloseable("probe", probe.id())) {
            return runLogged(probe, scheduledAt);
        }
    }

    private ProbeResult runLogged(ProbeDefinition probe, Instant scheduledAt) {
        ProbeResult result;
        try {
            result = execute(probe, scheduledAt);
        } catch (RuntimeException e) {
            LOG.error("probe {} crashed", probe.id(), e);
            Finding f = Finding.fail(
                    REQUEST_CHECK,
                    FindingKind.INTERNAL,
                    "internal error: " + e.getClass().getSimpleName());
            result = new ProbeResult(
                    probe.id(),
                    probe.connection(),
                    scheduledAt,
                    clock.instant(),
                    Outcome.FAIL,
                    FindingKind.INTERNAL,
                    null,
                    List.of(REQUEST_CHECK),
                    List.of(f));
        }
        publish(probe, result);
        return result;
    }

    /**
     * Hands a result to every listener (store, metrics, alerts) as if the runner had produced it: for
     * results computed elsewhere, such as a reconcile push. Never throws.
     */
    public void publish(ProbeDefinition probe, ProbeResult result) {
        for (ProbeResultListener l : listeners) {
            try {
                l.onResult(probe, result);
            } catch (RuntimeException e) {
                LOG.error("result listener {} failed for probe {}", l.getClass().getSimpleName(), probe.id(), e);
            }
        }
    }

    /** Forget cached checks of a removed probe. */
    public void forget(String probeId) {
        compiled.remove(probeId);
        requests.remove(probeId);
    }

    private OutgoingRequest builtRequest(String probeId, ConnectionDefinition connection, RequestSpec spec) {
        BuiltRequest built = requests.get(probeId);
        if (built != null && built.connection() == connection && built.spec() == spec) return built.request();
        OutgoingRequest request = RequestBuilder.build(connection, spec);
        requests.put(probeId, new BuiltRequest(connection, spec, request));
        return request;
    }

    private ProbeResult execute(ProbeDefinition probe, Instant scheduledAt) {
        Instant startedAt = clock.instant();
        if (probe.reconcile() != null) {
            ReconcileRun.Outcome r = reconcile.run(probe);
            return result(probe, scheduledAt, startedAt, r.exchange(), r.checks(), r.findings());
        }
        ConnectionDefinition connection = probe.connection() == null ? DIRECT : connections.apply(probe.connection());
        List<String> checkNames = new ArrayList<>();
        checkNames.add(REQUEST_CHECK);
        List<Finding> findings = new ArrayList<>();
        if (connection == null) {
            findings.add(Finding.fail(
                    REQUEST_CHECK, FindingKind.CONFIG, "connection '" + probe.connection() + "' is not defined"));
            return result(probe, scheduledAt, startedAt, null, checkNames, findings);
        }
        Vendor vendor = vendors.get(connection.vendor());
        OutgoingRequest request;
        try {
            request = vendor.prepare(connection, builtRequest(probe.id(), connection, probe.request()));
        } catch (IllegalArgumentException e) {
            findings.add(
                    Finding.fail(REQUEST_CHECK, FindingKind.CONFIG, "cannot build the request URL: " + urlProblem(e)));
            return result(probe, scheduledAt, startedAt, null, checkNames, findings);
        }
        Exchange exchange = exchanger.exchange(probe, connection, request);
        if (exchange.failure() != null) {
            findings.add(new Finding(
                    REQUEST_CHECK,
                    exchange.failure().kind(),
                    Level.FAIL,
                    exchange.failure().message(),
                    Map.of()));
        }
        List<Check> checks = checksFor(probe);
        Optional<JsonNode> json = parseJson(probe, checks, exchange, findings);
        CheckContext context = new CheckContext(probe, exchange, json, clock);
        for (Check check : checks) {
            checkNames.add(check.name());
            try {
                findings.addAll(check.evaluate(context));
            } catch (RuntimeException e) {
                LOG.warn("check {} of probe {} threw", check.name(), probe.id(), e);
                findings.add(Finding.fail(
                        check.name(),
                        FindingKind.INTERNAL,
                        "check failed to evaluate: " + e.getClass().getSimpleName()));
            }
        }
        if (exchange.status() > 0) findings.addAll(vendor.inspect(connection, exchange));
        return result(probe, scheduledAt, startedAt, exchange, checkNames, findings);
    }

    /**
     * The reason without the offending input: a URI exception echoes the whole URL, which may hold a
     * substituted secret, and findings reach the store and alerts.
     */
    static String urlProblem(IllegalArgumentException e) {
        if (e.getCause() instanceof java.net.URISyntaxException u) {
            return u.getReason() + " at index " + u.getIndex() + " (check request.path and request.query)";
        }
        return "invalid URL (check request.path and request.query)";
    }

    private List<Check> checksFor(ProbeDefinition probe) {
        Compiled c = compiled.get(probe.id());
        if (c != null && c.definition() == probe) return c.checks();
        List<Check> checks = new ArrayList<>();
        for (CheckFactory f : factories) checks.addAll(f.checksFor(probe));
        compiled.put(probe.id(), new Compiled(probe, List.copyOf(checks)));
        return checks;
    }

    /**
     * Parses the body once when a check needs JSON; a body that is JSON by content type but read by no
     * check is only syntax-checked. A body that should be JSON and is not is one {@code invalid-json}
     * finding, naming what arrived instead.
     */
    private static Optional<JsonNode> parseJson(
            ProbeDefinition probe, List<Check> checks, Exchange exchange, List<Finding> findings) {
        if (exchange.status() == 0 || exchange.body().length == 0 || exchange.failure() != null)
            return Optional.empty();
        String contentType =
                Optional.ofNullable(exchange.header("content-type")).orElse("").toLowerCase(Locale.ROOT);
        boolean jsonType = contentType.contains("json");
        boolean needed = needsJson(probe);
        if (!jsonType && !needed) return Optional.empty();
        try {
            if (!needed) {
                checkSyntax(exchange.body());
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(exchange.body()));
        } catch (JsonProcessingException e) {
            if (!expectedStatus(probe, exchange)) return Optional.empty(); // the status finding says enough
            String what = contentType.startsWith("text/html")
                    ? "an HTML page"
                    : contentType.isEmpty() ? "no content type" : contentType;
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
            findings.add(new Finding(
                    REQUEST_CHECK,
                    FindingKind.INVALID_JSON,
                    Level.FAIL,
                    "response is not valid JSON" + where + " (received " + what + ")",
                    Map.of("contentType", contentType.isEmpty() ? "(none)" : contentType)));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The syntax check of {@link ObjectMapper#readTree} (same parser features, so the same errors) without
     * building the tree, for responses no check reads: an exact tree of a 5 KB body cost more CPU per run
     * than the HTTP exchange itself. Most bodies are valid and pass {@link JsonSyntax} (several times
     * cheaper than streaming through Jackson, which canonicalises every field name); the rest go through
     * Jackson, which decides and gives the exact error position.
     */
    private static void checkSyntax(byte[] body) throws IOException {
        if (JsonSyntax.isCertainlyValid(body)) return;
        checkSyntaxWithJackson(body);
    }

    /** The exact check behind {@link #checkSyntax}; package-private for the differential test. */
    static void checkSyntaxWithJackson(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == null) return;
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new JsonParseException(
                        p, "Trailing token (of type " + p.currentToken() + ") after the JSON value");
            }
        }
    }

    private static boolean expectedStatus(ProbeDefinition probe, Exchange exchange) {
        return probe.expect().status().matches(exchange.status());
    }

    private static boolean needsJson(ProbeDefinition probe) {
        var e = probe.expect();
        return !e.assertions().isEmpty() || !e.totals().isEmpty() || (e.schema() != null);
    }

    private ProbeResult result(
            ProbeDefinition probe,
            Instant scheduledAt,
            Instant startedAt,
            Exchange exchange,
            List<String> checks,
            List<Finding> findings) {
        Outcome outcome = Outcome.of(findings);
        String failureKind = findings.stream()
                .filter(f -> f.level() == Level.FAIL)
                .map(Finding::kind)
                .findFirst()
                .orElse(null);
        return new ProbeResult(
                probe.id(),
                probe.connection(),
                scheduledAt == null ? startedAt : scheduledAt,
                startedAt,
                outcome,
                failureKind,
                exchange,
                checks,
                findings);
    }
}

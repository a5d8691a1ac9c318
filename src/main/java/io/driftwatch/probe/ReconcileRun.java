package io.driftwatch.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.ReconcileSide;
import io.driftwatch.config.RequestSpec;
import io.driftwatch.config.StatusExpectation;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.probe.checks.StatusCheck;
import io.driftwatch.reconcile.ExactJson;
import io.driftwatch.reconcile.ReconcileReport;
import io.driftwatch.reconcile.ReconcileSpec;
import io.driftwatch.reconcile.ReconcileStats;
import io.driftwatch.reconcile.Sides;
import io.driftwatch.vendor.Vendor;
import io.driftwatch.vendor.VendorRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a {@code kind: reconcile} probe: reads the source side, then the target side, then joins their
 * records by key. A request side goes through its connection exactly as a probe request does (vendor
 * defaults, auth, quota limiter, retries, audit) and follows {@code nextPage} up to {@link #MAX_PAGES}
 * pages; a file side is read from disk. A side that cannot be read (transport failure, status other than
 * 2xx, vendor error, invalid JSON) fails the run with the side named in each message, and nothing is
 * joined. Thread-safe.
 */
final class ReconcileRun {
    /** Findings about the join are reported under this check; each side's reading under its role. */
    static final String CHECK = "reconcile";

    static final int MAX_PAGES = 50;
    private static final String SOURCE = "source";
    private static final String TARGET = "target";

    /** What the runner turns into a result; {@code exchange} summarises every call (see {@link CallSummary#of}). */
    record Outcome(List<String> checks, List<Finding> findings, Exchange exchange) {}

    private record Read(List<JsonNode> pages, List<Exchange> exchanges, List<Finding> problems) {
        boolean failed() {
            return problems.stream().anyMatch(f -> f.level() == Level.FAIL);
        }
    }

    private final Function<String, ConnectionDefinition> connections;
    private final Exchanger exchanger;
    private final VendorRegistry vendors;
    private final Clock clock;
    private final ReconcileStats stats;

    ReconcileRun(
            Function<String, ConnectionDefinition> connections,
            Exchanger exchanger,
            VendorRegistry vendors,
            Clock clock,
            ReconcileStats stats) {
        this.connections = connections;
        this.exchanger = exchanger;
        this.vendors = vendors;
        this.clock = clock;
        this.stats = stats;
    }

    Outcome run(ProbeDefinition probe) {
        ReconcileSpec spec = ReconcileSpec.of(probe);
        List<String> checks = new ArrayList<>(List.of(SOURCE));
        List<Finding> findings = new ArrayList<>();
        Read source = read(probe, probe.reconcile().source(), SOURCE);
        findings.addAll(source.problems());
        List<Exchange> exchanges = new ArrayList<>(source.exchanges());
        if (source.failed()) return new Outcome(checks, findings, CallSummary.of(exchanges, probe, clock));
        checks.add(TARGET);
        Read target = read(probe, probe.reconcile().target(), TARGET);
        findings.addAll(target.problems());
        exchanges.addAll(target.exchanges());
        if (target.failed()) return new Outcome(checks, findings, CallSummary.of(exchanges, probe, clock));
        checks.add(CHECK);
        ReconcileReport report = spec.reconcile(source.pages(), target.pages());
        stats.record(probe.id(), report.summary());
        findings.addAll(report.toFindings(CHECK));
        return new Outcome(checks, findings, CallSummary.of(exchanges, probe, clock));
    }

    private Read read(ProbeDefinition probe, ReconcileSide side, String role) {
        String name = side.nameOr(role);
        List<Finding> problems = new ArrayList<>();
        if (side.file() != null) {
            try {
                return new Read(List.of(ExactJson.parse(Files.readAllBytes(side.file()))), List.of(), problems);
            } catch (JsonProcessingException e) {
                problems.add(Finding.fail(
                        role, FindingKind.INVALID_JSON, name + ": file is not valid JSON: " + e.getOriginalMessage()));
            } catch (IOException e) {
                problems.add(Finding.fail(
                        role,
                        FindingKind.CONFIG,
                        name + ": cannot read file " + side.file().getFileName()));
            }
            return new Read(List.of(), List.of(), problems);
        }
        ConnectionDefinition connection = connections.apply(side.connection());
        if (connection == null) {
            problems.add(Finding.fail(
                    role, FindingKind.CONFIG, name + ": connection '" + side.connection() + "' is not defined"));
            return new Read(List.of(), List.of(), problems);
        }
        Vendor vendor = vendors.get(connection.vendor());
        List<JsonNode> pages = new ArrayList<>();
        List<Exchange> exchanges = new ArrayList<>();
        RequestSpec request = side.request();
        while (request != null) {
            if (pages.size() == MAX_PAGES) {
                problems.add(Finding.fail(
                        role,
                        FindingKind.CONFIG,
                        name + ": more than " + MAX_PAGES + " pages; stopped (narrow the query)"));
                break;
            }
            ProbeDefinition view = sideView(probe, side.connection(), request);
            OutgoingRequest outgoing;
            try {
                outgoing = vendor.prepare(connection, RequestBuilder.build(connection, request));
            } catch (IllegalArgumentException e) {
                problems.add(Finding.fail(
                        role,
                        FindingKind.CONFIG,
                        name + ": cannot build the request URL: " + ProbeRunner.urlProblem(e)));
                break;
            }
            Exchange exchange = exchanger.exchange(view, connection, outgoing);
            exchanges.add(exchange);
            JsonNode page = page(view, connection, vendor, exchange, role, name, problems);
            if (page == null) break;
            pages.add(page);
            Optional<String> next = Sides.nextPageOf(side, page);
            request = next.isEmpty() ? null : nextPage(side.request(), next.get(), exchange, role, name, problems);
        }
        return new Read(pages, exchanges, problems);
    }

    /** The parsed page, or null after adding the findings that explain why there is none. */
    private JsonNode page(
            ProbeDefinition view,
            ConnectionDefinition connection,
            Vendor vendor,
            Exchange exchange,
            String role,
            String name,
            List<Finding> problems) {
        if (exchange.failure() != null) {
            problems.add(new Finding(
                    role,
                    exchange.failure().kind(),
                    Level.FAIL,
                    name + ": " + exchange.failure().message(),
                    Map.of()));
            return null;
        }
        var context = new CheckContext(view, exchange, Optional.empty(), clock);
        for (Finding f : new StatusCheck(StatusExpectation.DEFAULT).evaluate(context))
            problems.add(named(f, role, name));
        for (Finding f : vendor.inspect(connection, exchange)) problems.add(named(f, role, name));
        if (problems.stream().anyMatch(f -> f.level() == Level.FAIL)) return null;
        try {
            return ExactJson.parse(exchange.body());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            problems.add(Finding.fail(role, FindingKind.INVALID_JSON, name + ": response is not valid JSON" + where));
        } catch (IOException e) {
            problems.add(Finding.fail(role, FindingKind.INVALID_JSON, name + ": response is not valid JSON"));
        }
        return null;
    }

    /**
     * The request for the next page: a path (or a URL on the same host as the page just read) with the
     * first request's method, headers and limits, and no extra query. A URL to another host is never
     * followed, since the connection's credentials would go with it.
     */
    private static RequestSpec nextPage(
            RequestSpec first, String next, Exchange page, String role, String name, List<Finding> problems) {
        String path = next;
        if (next.startsWith("http://") || next.startsWith("https://")) {
            URI nextUri;
            URI pageUri;
            try {
                nextUri = URI.create(next);
                pageUri = URI.create(page.url());
            } catch (IllegalArgumentException e) {
                problems.add(Finding.fail(role, FindingKind.CONFIG, name + ": next page URL is not a valid URL"));
                return null;
            }
            if (!sameOrigin(nextUri, pageUri)) {
                problems.add(Finding.fail(
                        role,
                        FindingKind.CONFIG,
                        name + ": next page is on another host (" + nextUri.getHost() + "); not followed"));
                return null;
            }
        } else if (!next.startsWith("/")) {
            problems.add(Finding.fail(role, FindingKind.CONFIG, name + ": next page must be a path starting with /"));
            return null;
        }
        return new RequestSpec(
                first.method(),
                path,
                Map.of(),
                first.headers(),
                first.body(),
                first.timeout(),
                first.retry(),
                first.maxBodyBytes(),
                first.captureBodyOnFailure());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    /** The probe as the exchanger sees one side's call: its id (audit, quotas), connection and request. */
    private static ProbeDefinition sideView(ProbeDefinition probe, String connection, RequestSpec request) {
        return new ProbeDefinition(
                probe.id(),
                probe.description(),
                connection,
                probe.schedule(),
                request,
                probe.expect(),
                probe.alert(),
                probe.labels(),
                probe.runbook(),
                probe.source());
    }

    private static Finding named(Finding f, String role, String name) {
        return new Finding(role, f.kind(), f.level(), name + ": " + f.message(), f.evidence());
    }
}

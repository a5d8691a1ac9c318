package io.driftwatch.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.TotalsRule;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.probe.ProbeResult;
import io.driftwatch.reconcile.CheckCatalog;
import io.driftwatch.reconcile.PushReconciliation;
import io.driftwatch.reconcile.PushResponse;
import io.driftwatch.reconcile.PushResult;
import io.driftwatch.reconcile.PushResultJson;
import io.driftwatch.reconcile.PushStore;
import io.driftwatch.reconcile.ReconcileSpec;
import io.driftwatch.reconcile.ReconcileStats;
import io.driftwatch.store.Retention;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/reconcile/{check}}: middleware pushes {@code {before, after}} payloads or
 * {@code {source, target}} collections, and driftwatch applies the rules of the probe with id
 * {@code check} (a {@code kind: reconcile} probe's join, or an HTTP probe's {@code expect.totals}), see
 * {@link PushReconciliation}. An accepted result is recorded as a run of that probe (store, metrics,
 * alerts) exactly once per idempotency id.
 *
 * <p>Order of refusals: 403 while no token is configured ({@value #TOKEN_ENV}), 405 for a method other
 * than POST, 401 for a missing or wrong bearer token (compared in constant time, never echoed), 413 for a
 * body over the cap ({@value #MAX_BYTES_ENV}, default 1 MiB; not read past the cap), then the push's own
 * 400/404/422. A refused push stores and records nothing.
 */
final class ReconcileApi {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileApi.class);
    static final String PATH = "/api/v1/reconcile/";
    static final String TOKEN_ENV = "DRIFTWATCH_PUSH_TOKEN";
    static final String MAX_BYTES_ENV = "DRIFTWATCH_PUSH_MAX_BYTES";
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern CHECK = Pattern.compile("[a-z0-9-]{1,200}");
    private static final int FINDINGS_CAP = 50;

    private final byte[] tokenHash;
    private final long maxBytes;
    private final Function<String, ProbeDefinition> probes;
    private final PushReconciliation push;
    private final BiConsumer<ProbeDefinition, ProbeResult> record;
    private final PushStore store;
    private final Clock clock;

    /**
     * @param probes the live probe with an id, or null
     * @param record hands an accepted push's run to the result listeners
     */
    ReconcileApi(
            Map<String, String> env,
            Function<String, ProbeDefinition> probes,
            PushStore store,
            ReconcileStats stats,
            Clock clock,
            BiConsumer<ProbeDefinition, ProbeResult> record) {
        String token = env.get(TOKEN_ENV);
        this.tokenHash = token == null || token.isBlank() ? null : sha256(token.strip());
        this.maxBytes = maxBytes(env.get(MAX_BYTES_ENV));
        this.probes = probes;
        this.push = new PushReconciliation(catalog(probes), store, stats, clock, FINDINGS_CAP);
        this.record = record;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Forgets pushes older than the run history keeps (14 days), so the idempotency table stays small: a
     * retry that late is a new push. Never throws; called by the daemon's housekeeping.
     */
    void purgeOld() {
        try {
            store.purgeBefore(clock.instant().minus(Retention.DEFAULT_MAX_AGE));
        } catch (RuntimeException e) {
            LOG.warn("purging old reconcile pushes failed: {}", e.getMessage());
        }
    }

    private static long maxBytes(String configured) {
        if (configured == null || configured.isBlank()) return DEFAULT_MAX_BYTES;
        try {
            long v = Long.parseLong(configured.strip());
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // reported below: a typo must not silently lift or drop the cap, so the daemon does not start
        }
        throw new IllegalArgumentException(
                MAX_BYTES_ENV + " must be a positive number of bytes, got '" + configured + "'");
    }

    /** The live configuration as the push's rule catalog: checks are probe ids. */
    static CheckCatalog catalog(Function<String, ProbeDefinition> probes) {
        return new CheckCatalog() {
            @Override
            public Optional<List<TotalsRule>> totalsRules(String check) {
                ProbeDefinition p = probes.apply(check);
                return p == null || p.reconcile() != null
                        ? Optional.empty()
                        : Optional.of(p.expect().totals());
            }

            @Override
            public Optional<ReconcileSpec> reconcileSpec(String check) {
                ProbeDefinition p = probes.apply(check);
                return p == null || p.reconcile() == null ? Optional.empty() : Optional.of(ReconcileSpec.of(p));
            }
        };
    }

    void handle(HttpExchange ex, String check) throws IOException {
        if (tokenHash == null) {
            error(ex, 403, "push endpoint disabled: set " + TOKEN_ENV + " to enable it");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            error(ex, 405, "use POST");
            return;
        }
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"driftwatch\"");
            error(ex, 401, "a valid bearer token is required (Authorization: Bearer <" + TOKEN_ENV + ">)");
            return;
        }
        if (!CHECK.matcher(check).matches()) {
            error(ex, 404, "unknown check '" + check.replaceAll("[^a-zA-Z0-9._-]", "?") + "'");
            return;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && tooLong(length)) {
            error(ex, 413, "body exceeds " + maxBytes + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        String id = ex.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
        switch (push.push(check, body, id, maxBytes)) {
            case PushResponse.Rejected r -> error(ex, r.status(), r.message());
            case PushResponse.Accepted a -> {
                if (!a.replayed()) recordRun(check, a.result(), body.length);
                if (a.replayed()) ex.getResponseHeaders().set("Idempotent-Replayed", "true");
                send(ex, 200, PushResultJson.write(a.result()));
            }
        }
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the capped read decides
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // Hashes have one length whatever was sent, so the comparison time says nothing about the token.
        return MessageDigest.isEqual(tokenHash, sha256(header.substring(7).strip()));
    }

    /** The push as a run of its probe: no call was made, so the exchange carries no status or timing. */
    private void recordRun(String check, PushResult result, int bytes) {
        ProbeDefinition probe = probes.apply(check);
        if (probe == null) return; // deleted while the push was computed
        Set<String> checks = new LinkedHashSet<>();
        checks.add("push");
        for (Finding f : result.findings()) checks.add(f.check());
        String failureKind = result.findings().stream()
                .filter(f -> f.level() == Level.FAIL)
                .map(Finding::kind)
                .findFirst()
                .orElse(null);
        Exchange exchange = new Exchange(
                result.receivedAt(), "POST", PATH + check, 0, Map.of(), new byte[0], bytes, 0, 0, 1, null, null, null);
        record.accept(
                probe,
                new ProbeResult(
                        check,
                        null,
                        result.receivedAt(),
                        result.receivedAt(),
                        result.outcome(),
                        failureKind,
                        exchange,
                        new ArrayList<>(checks),
                        result.findings()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        send(
                ex,
                status,
                JsonNodeFactory.instance.objectNode().put("error", message).toString());
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}

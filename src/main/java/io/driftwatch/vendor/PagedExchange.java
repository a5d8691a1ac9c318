package io.driftwatch.vendor;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.http.TransportFailure;
import io.driftwatch.http.UriQuery;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One probe run over several pages ({@code request.paginate}), returned as one exchange whose body is
 * the pages merged, so every check sees the combined records:
 *
 * <ul>
 *   <li>{@code Link: <...>; rel="next"} and Salesforce {@code nextRecordsUrl} (while {@code done} is
 *       false) are followed as {@link Pagination} reads them;
 *   <li>a QuickBooks {@code /query} is re-sent with {@code STARTPOSITION} advanced by its {@code
 *       MAXRESULTS} (default 100) until a page comes back short.
 * </ul>
 *
 * Merging: arrays are concatenated (a top-level array, Salesforce {@code records}, QuickBooks {@code
 * QueryResponse.Invoice}), objects merged key by key, and other values taken from the last page (so
 * Salesforce {@code done} is false when the cap stopped the walk). QuickBooks {@code startPosition} and
 * {@code maxResults} describe the combined result. Headers come from the last page; latency and attempts
 * add up over pages. A page that fails (transport failure, non-2xx, not JSON) ends the run with that
 * page's exchange, so its status and failure are what checks see. Each page gets what is left of the
 * probe's timeout.
 */
public final class PagedExchange {
    public static final int DEFAULT_QBO_MAX_RESULTS = 100;
    /** Money keeps its scale through the merge, and duplicate keys stay an error (as the runner's parse). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern MAXRESULTS = Pattern.compile("(?i)\\bMAXRESULTS\\s+(\\d+)");
    private static final Pattern STARTPOSITION = Pattern.compile("(?i)\\bSTARTPOSITION\\s+(\\d+)");

    /** Sends one page through the connection (limits, auth, retries) within {@code deadline}. */
    @FunctionalInterface
    public interface PageSender {
        Exchange send(OutgoingRequest request, Duration deadline);
    }

    private PagedExchange() {}

    public static Exchange fetch(
            String vendor, OutgoingRequest first, int maxPages, Duration timeout, PageSender sender) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<QboQuery> qbo = "quickbooks".equals(vendor) ? QboQuery.of(first) : Optional.empty();
        List<Exchange> pages = new ArrayList<>();
        List<JsonNode> bodies = new ArrayList<>();
        OutgoingRequest next = qbo.map(q -> q.page(first, 0)).orElse(first);
        while (next != null && pages.size() < maxPages) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return timedOut(first, pages.size() + 1, timeout);
            Exchange page = sender.send(next, Duration.ofNanos(left));
            JsonNode body = ok(page) ? parse(page.body()) : null;
            if (body == null) return page;
            pages.add(page);
            bodies.add(body);
            int index = pages.size();
            if (qbo.isPresent()) {
                next = qbo.get().full(body) ? qbo.get().page(first, index) : null;
            } else {
                next = Pagination.next(page).map(first::withUri).orElse(null);
            }
        }
        if (pages.size() == 1) return pages.get(0);
        JsonNode merged = bodies.get(0);
        for (int i = 1; i < bodies.size(); i++) merged = merge(merged, bodies.get(i));
        if (qbo.isPresent()) qbo.get().describe(merged);
        return combine(pages, bytes(merged));
    }

    private static boolean ok(Exchange e) {
        return e.failure() == null && e.status() >= 200 && e.status() <= 299 && e.body().length > 0;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }

    /** Arrays concatenate, objects merge key by key, anything else: the later value. */
    static JsonNode merge(JsonNode a, JsonNode b) {
        if (a instanceof ArrayNode x && b instanceof ArrayNode y) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            out.addAll(x);
            out.addAll(y);
            return out;
        }
        if (a instanceof ObjectNode x && b instanceof ObjectNode y) {
            ObjectNode out = x.deepCopy();
            for (Map.Entry<String, JsonNode> e : y.properties()) {
                JsonNode mine = out.get(e.getKey());
                out.set(e.getKey(), mine == null ? e.getValue() : merge(mine, e.getValue()));
            }
            // A key the last page dropped (Salesforce nextRecordsUrl once done) is dropped.
            out.retain(iterable(y.fieldNames()));
            return out;
        }
        return b;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static Exchange combine(List<Exchange> pages, byte[] body) {
        Exchange first = pages.get(0);
        Exchange last = pages.get(pages.size() - 1);
        long bytes = 0;
        long total = 0;
        int attempts = 0;
        for (Exchange p : pages) {
            bytes += p.bodyBytes();
            total += p.totalNanos();
            attempts += p.attempts();
        }
        return new Exchange(
                first.startedAt(),
                first.method(),
                first.url(),
                last.status(),
                last.headers(),
                body,
                bytes,
                first.timeToHeadersNanos(),
                total,
                attempts,
                null,
                first.certificateDaysLeft(),
                first.vendorRequestId());
    }

    private static Exchange timedOut(OutgoingRequest first, int page, Duration timeout) {
        URI u = first.uri();
        return new Exchange(
                java.time.Instant.now(),
                first.method(),
                u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath(),
                0,
                Map.of(),
                new byte[0],
                0,
                0,
                timeout.toNanos(),
                0,
                new TransportFailure(
                        FindingKind.TIMEOUT,
                        "page " + page + " not fetched: the probe's timeout of " + timeout.toMillis()
                                + " ms passed while paginating"),
                null,
                null);
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A QuickBooks query request: its statement, page size and first position. */
    record QboQuery(String statement, int pageSize, int start) {
        static Optional<QboQuery> of(OutgoingRequest r) {
            String path = r.uri().getRawPath();
            if (path == null || !path.endsWith("/query")) return Optional.empty();
            String q = param(r.uri(), "query");
            if (q == null) return Optional.empty();
            Matcher max = MAXRESULTS.matcher(q);
            Matcher start = STARTPOSITION.matcher(q);
            int size = max.find() ? Integer.parseInt(max.group(1)) : DEFAULT_QBO_MAX_RESULTS;
            int from = start.find() ? Integer.parseInt(start.group(1)) : 1;
            String bare = STARTPOSITION
                    .matcher(MAXRESULTS.matcher(q).replaceAll(""))
                    .replaceAll("")
                    .trim()
                    .replaceAll("\\s+", " ");
            return Optional.of(new QboQuery(bare, Math.max(1, size), Math.max(1, from)));
        }

        OutgoingRequest page(OutgoingRequest first, int index) {
            long position = start + (long) index * pageSize;
            String query = statement + " STARTPOSITION " + position + " MAXRESULTS " + pageSize;
            return first.withUri(replaceParam(first.uri(), "query", query));
        }

        /** {@code uri} with every {@code name} pair replaced by one {@code name=value}, other pairs kept. */
        static URI replaceParam(URI uri, String name, String value) {
            var pairs = new ArrayList<String>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!k.equals(name)) pairs.add(pair);
            }
            pairs.add(UriQuery.encode(name) + "=" + UriQuery.encode(value));
            String s = uri.toString();
            int q = s.indexOf('?');
            int hash = s.indexOf('#');
            return URI.create(s.substring(0, q + 1) + String.join("&", pairs) + (hash >= 0 ? s.substring(hash) : ""));
        }

        /** True when the page came back full, so another may follow. */
        boolean full(JsonNode body) {
            JsonNode records = records(body);
            return records != null && records.size() >= pageSize;
        }

        void describe(JsonNode merged) {
            if (merged.path("QueryResponse") instanceof ObjectNode qr) {
                JsonNode records = records(merged);
                qr.put("startPosition", start);
                qr.put("maxResults", records == null ? 0 : records.size());
            }
        }

        /** The entity array of a QueryResponse (e.g. Invoice), or null. */
        static JsonNode records(JsonNode body) {
            for (JsonNode v : body.path("QueryResponse")) if (v.isArray()) return v;
            return null;
        }

        private static String param(URI uri, String name) {
            String raw = uri.getRawQuery();
            if (raw == null) return null;
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                if (URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name))
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
            return null;
        }
    }
}

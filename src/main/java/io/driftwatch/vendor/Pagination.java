package io.driftwatch.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.http.Exchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Following paginated responses: RFC 8288 {@code Link: <url>; rel="next"} headers (the generic
 * job-management source: 200 records a page) and Salesforce's {@code nextRecordsUrl} while {@code
 * done} is false (VENDORS.md §2.5). Relative links resolve against the page's URL. For the probe engine
 * to run checks over every page up to a cap.
 */
public final class Pagination {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*(\"[^\"]*\"|[^\\s;,]+)", Pattern.CASE_INSENSITIVE);

    /**
     * The pages walked.
     *
     * @param truncated true when the cap stopped the walk while a next page existed
     */
    public record Walk(List<Exchange> pages, boolean truncated) {}

    private Pagination() {}

    /** The next page after {@code page}, or empty on the last page (or when the page failed). */
    public static Optional<URI> next(Exchange page) {
        if (page.status() < 200 || page.status() > 299) return Optional.empty();
        URI base = URI.create(page.url());
        Optional<URI> link = linkNext(page.header("link"), base);
        if (link.isPresent()) return link;
        return salesforceNext(page.body(), base);
    }

    /** The {@code rel="next"} target of a Link header, resolved against {@code base}. */
    public static Optional<URI> linkNext(String header, URI base) {
        if (header == null) return Optional.empty();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            Matcher rel = REL.matcher(m.group(2));
            while (rel.find()) {
                String values = rel.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
                for (String v : values.split("\\s+")) {
                    if (v.equals("next")) return resolve(base, m.group(1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Salesforce's {@code nextRecordsUrl} when {@code done} is false. */
    static Optional<URI> salesforceNext(byte[] body, URI base) {
        if (body.length == 0 || body[0] != '{') return Optional.empty();
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (n == null || !n.path("done").isBoolean() || n.path("done").asBoolean()) return Optional.empty();
        String next = n.path("nextRecordsUrl").asText("");
        return next.isEmpty() ? Optional.empty() : resolve(base, next);
    }

    /**
     * Fetches {@code first}, then each next page, at most {@code maxPages} pages in all. Stops at the last
     * page, at a failed page (kept as the last element) or at the cap.
     */
    public static Walk walk(URI first, Function<URI, Exchange> fetch, int maxPages) {
        var pages = new ArrayList<Exchange>();
        URI at = first;
        while (at != null) {
            if (pages.size() >= maxPages) return new Walk(List.copyOf(pages), true);
            Exchange page = fetch.apply(at);
            pages.add(page);
            at = next(page).orElse(null);
        }
        return new Walk(List.copyOf(pages), false);
    }

    private static Optional<URI> resolve(URI base, String target) {
        try {
            return Optional.of(base.resolve(target));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

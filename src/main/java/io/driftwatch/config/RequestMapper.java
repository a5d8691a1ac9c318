package io.driftwatch.config;

import java.time.Duration;
import java.util.List;

/** Maps a probe's {@code request:} section to a {@link RequestSpec}. */
final class RequestMapper {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Values values;

    RequestMapper(Values values) {
        this.values = values;
    }

    /** @param hasConnection false: the path must be an absolute URL, there is no base URL to resolve it */
    RequestSpec map(YamlNode node, boolean hasConnection) {
        Fields f = Fields.open(node, ConfigKeys.probe("request"), "", values);
        if (f == null) return null;
        String method = f.has("method") ? values.oneOf(f.get("method"), METHODS) : "GET";
        String path = f.require("path") ? path(f.get("path"), hasConnection) : null;
        var query = values.stringMap(f.get("query"));
        var headers = values.stringMap(f.get("headers"));
        String body = body(f.get("body"));
        Duration timeout = values.duration(f.get("timeout"), true);
        RetrySpec retry = retries(f.get("retries"));
        Long maxBody = maxBodySize(f.get("maxBodySize"));
        Boolean capture = f.bool("captureBodyOnFailure");
        RequestSpec.Paginate paginate = paginate(f.get("paginate"));
        return new RequestSpec(
                method,
                path,
                query,
                headers,
                body,
                timeout == null ? RequestSpec.DEFAULT_TIMEOUT : timeout,
                retry == null ? RetrySpec.DEFAULT : retry,
                maxBody == null ? RequestSpec.DEFAULT_MAX_BODY_BYTES : maxBody,
                capture != null && capture,
                paginate);
    }

    private RequestSpec.Paginate paginate(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("request.paginate"), "", values);
        if (f == null) return null;
        Integer max = f.integer("maxPages", 1);
        return new RequestSpec.Paginate(max == null ? RequestSpec.Paginate.DEFAULT_MAX_PAGES : max);
    }

    private String path(YamlNode node, boolean hasConnection) {
        String path = values.string(node);
        if (path == null) return null;
        boolean absolute = Values.parseHttpUrl(path) != null;
        if (!hasConnection && !absolute) {
            values.expected(node, "an absolute http or https URL (the probe has no connection)");
            return null;
        }
        if (!absolute && !path.startsWith("/")) {
            values.expected(node, "a path starting with / or an absolute http or https URL");
            return null;
        }
        return path;
    }

    /** A string as is; a YAML mapping or list as compact JSON. */
    private String body(YamlNode node) {
        if (Values.skip(node)) return null;
        if (node instanceof YamlNode.Mapping || node instanceof YamlNode.Sequence) {
            return YamlJson.toJson(node).toString();
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) return s.text();
        values.expected(node, "a string, a mapping or a list");
        return null;
    }

    private RetrySpec retries(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("request.retries"), "", values);
        if (f == null) return null;
        Integer attempts = f.integer("attempts", 1);
        Duration backoff = values.duration(f.get("backoff"), false);
        Duration maxBackoff = values.duration(f.get("maxBackoff"), false);
        RetrySpec d = RetrySpec.DEFAULT;
        Duration initial = backoff == null ? d.initialBackoff() : backoff;
        // An explicit backoff above the default cap raises the cap rather than failing.
        Duration cap = maxBackoff != null ? maxBackoff : max(d.maxBackoff(), initial);
        if (backoff != null && maxBackoff != null && backoff.compareTo(maxBackoff) > 0) {
            values.problems()
                    .plain(
                            f.get("backoff"),
                            "request.retries.backoff (" + text(f.get("backoff"))
                                    + ") must not exceed request.retries.maxBackoff (" + text(f.get("maxBackoff"))
                                    + ")");
        }
        return new RetrySpec(attempts == null ? d.maxAttempts() : attempts, initial, cap);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s.text() : node.describe();
    }

    private Long maxBodySize(YamlNode node) {
        if (Values.skip(node)) return null;
        Long size = null;
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL && s.kind() != YamlNode.Kind.BOOL) {
            size = ByteSizes.parse(s.text().replace("_", ""));
        }
        if (size == null || size <= 0) {
            values.expected(node, ByteSizes.FORMS);
            return null;
        }
        return size;
    }
}

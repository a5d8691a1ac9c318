package io.driftwatch.sandbox;

import java.util.Map;

/** The HTML error pages a proxy or load balancer in front of an API returns instead of JSON. */
final class HtmlPages {
    private static final Map<Integer, String> REASONS = Map.of(
            200, "OK",
            500, "Internal Server Error",
            502, "Bad Gateway",
            503, "Service Unavailable",
            504, "Gateway Timeout");

    private HtmlPages() {}

    static SandboxResponse error(int status) {
        String reason = REASONS.getOrDefault(status, "Error");
        String page = "<!DOCTYPE html>\n<html>\n<head><title>" + status + " " + reason + "</title></head>\n"
                + "<body>\n<center><h1>" + status + " " + reason + "</h1></center>\n"
                + "<p>The server is temporarily unable to service your request. Please try again later.</p>\n"
                + "<hr><center>nginx</center>\n</body>\n</html>\n";
        return SandboxResponse.text(status, "text/html; charset=utf-8", page);
    }
}

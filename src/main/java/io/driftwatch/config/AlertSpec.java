package io.driftwatch.config;

/** How a probe's findings are routed: severity (info, warning, critical) and a route name in alerting/. */
public record AlertSpec(String severity, String route) {
    public static final AlertSpec DEFAULT = new AlertSpec("warning", null);
}

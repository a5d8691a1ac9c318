package io.driftwatch.vendor.quickbooks;

import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.http.OutgoingRequest;
import io.driftwatch.vendor.AuthStatuses;
import io.driftwatch.vendor.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * QuickBooks Online ({@code vendor: quickbooks}). Adds {@code minorversion} (connection setting, default
 * 75, the floor since August 2025) and {@code Accept: application/json} to Accounting API calls; audits
 * {@code intuit_tid}; turns every fault into a finding with its code, message and element, including
 * faults that arrive with HTTP 200; warns when the refresh token (rolling or 5-year cap) is due within
 * {@code refreshWarningDays} (default 14).
 */
public final class QuickBooksVendor implements Vendor {
    public static final String CHECK = "vendor";
    public static final String DEFAULT_MINOR_VERSION = "75";
    public static final int DEFAULT_REFRESH_WARNING_DAYS = 14;
    private static final Set<String> AUTH_CODES = Set.of("100", "120", "3100", "3200");
    private static final int MAX_DETAIL = 300;

    private final AuthStatuses statuses;
    private final Clock clock;

    public QuickBooksVendor(AuthStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "quickbooks";
    }

    @Override
    public String requestIdHeader() {
        return "intuit_tid";
    }

    @Override
    public OutgoingRequest prepare(ConnectionDefinition connection, OutgoingRequest request) {
        if (!request.uri().getRawPath().contains("/v3/company/")) return request;
        OutgoingRequest out = request;
        String query = request.uri().getRawQuery();
        if (query == null || !("&" + query).contains("&minorversion=")) {
            out = out.withQueryParam(
                    "minorversion", connection.settings().getOrDefault("minorversion", DEFAULT_MINOR_VERSION));
        }
        boolean hasAccept = out.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("accept"));
        return hasAccept ? out : out.withHeader("Accept", "application/json");
    }

    @Override
    public List<Finding> inspect(ConnectionDefinition connection, Exchange exchange) {
        var findings = new ArrayList<Finding>();
        for (QuickBooksFaults.Fault f : QuickBooksFaults.parse(exchange.body())) findings.add(finding(f, exchange));
        if (findings.isEmpty() && exchange.status() == 429) {
            findings.add(Finding.fail(
                    CHECK, FindingKind.QUOTA, "QuickBooks throttled the request (HTTP 429 without a fault body)"));
        }
        refreshWarning(connection).ifPresent(findings::add);
        return findings;
    }

    private static Finding finding(QuickBooksFaults.Fault f, Exchange exchange) {
        String code = f.code() == null ? "?" : f.code();
        boolean throttled =
                code.equals("3001") || (f.message() != null && f.message().contains("ThrottleExceeded"));
        String kind =
                throttled ? FindingKind.QUOTA : AUTH_CODES.contains(code) ? FindingKind.AUTH : FindingKind.VENDOR_ERROR;
        var message = new StringBuilder("QuickBooks fault ").append(code);
        if (f.type() != null) message.append(" (").append(f.type()).append(')');
        message.append(": ").append(f.message() == null ? "no message" : f.message());
        if (f.element() != null)
            message.append(" [element ").append(f.element()).append(']');
        if (exchange.status() == 200) message.append(" (arrived with HTTP 200)");
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("code", code);
        if (f.type() != null) evidence.put("type", f.type());
        if (f.message() != null) evidence.put("message", f.message());
        if (f.detail() != null) evidence.put("detail", cap(f.detail()));
        if (f.element() != null) evidence.put("element", f.element());
        evidence.put("shape", f.shape());
        evidence.put("httpStatus", String.valueOf(exchange.status()));
        if (exchange.vendorRequestId() != null) evidence.put("intuit_tid", exchange.vendorRequestId());
        return new Finding(CHECK, kind, Level.FAIL, message.toString(), evidence);
    }

    private java.util.Optional<Finding> refreshWarning(ConnectionDefinition connection) {
        var status = statuses.get(connection.id());
        if (status.isEmpty() || status.get().state() == AuthStatuses.State.LOST) return java.util.Optional.empty();
        Instant deadline = status.get().refreshDeadline();
        if (deadline == null) return java.util.Optional.empty();
        int days = warningDays(connection);
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.compareTo(Duration.ofDays(days)) >= 0) return java.util.Optional.empty();
        long whole = Math.max(0, left.toDays());
        String date = deadline.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Finding f = Finding.warn(
                        CHECK,
                        FindingKind.AUTH,
                        "QuickBooks refresh token expires in " + whole + (whole == 1 ? " day" : " days") + " (" + date
                                + "): reconnect the app before then")
                .withEvidence("expiresAt", deadline)
                .withEvidence("thresholdDays", days);
        return java.util.Optional.of(f);
    }

    private static int warningDays(ConnectionDefinition connection) {
        String v = connection.settings().get("refreshWarningDays");
        try {
            return v == null ? DEFAULT_REFRESH_WARNING_DAYS : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_REFRESH_WARNING_DAYS;
        }
    }

    private static String cap(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }
}

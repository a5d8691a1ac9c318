package io.driftwatch.vendor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.ConnectionDefinition;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.http.Exchange;
import io.driftwatch.vendor.QuotaUsage;
import io.driftwatch.vendor.Vendor;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce REST ({@code vendor: salesforce}). Reads {@code Sforce-Limit-Info} on every response into
 * {@link QuotaUsage} and warns at or above {@code quotaWarnRatio} (connection setting, default 0.8);
 * turns error arrays into findings ({@code REQUEST_LIMIT_EXCEEDED} as quota exhaustion, {@code
 * INVALID_SESSION_ID} as auth); and checks the pinned {@code apiVersion} setting against the versions
 * list whenever a probe reads {@code /services/data/}.
 */
public final class SalesforceVendor implements Vendor {
    public static final String CHECK = "vendor";
    public static final double DEFAULT_QUOTA_WARN_RATIO = 0.8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuotaUsage quotas;

    public SalesforceVendor(QuotaUsage quotas) {
        this.quotas = quotas;
    }

    @Override
    public String type() {
        return "salesforce";
    }

    /** Salesforce has no request id; its usage header is what support and audits need (DESIGN.md). */
    @Override
    public String requestIdHeader() {
        return "sforce-limit-info";
    }

    @Override
    public List<Finding> inspect(ConnectionDefinition connection, Exchange exchange) {
        var findings = new ArrayList<Finding>();
        quota(connection, exchange.header("sforce-limit-info")).ifPresent(findings::add);
        for (SalesforceErrors.ApiError e : SalesforceErrors.parse(exchange.body())) {
            findings.add(error(connection, e, exchange.status()));
        }
        versions(connection, exchange).ifPresent(findings::add);
        return findings;
    }

    private Optional<Finding> quota(ConnectionDefinition connection, String header) {
        if (header == null) return Optional.empty();
        var usage = SforceLimitInfo.parse(header).apiUsage();
        if (usage.isEmpty() || usage.get().ratio().isEmpty()) {
            return Optional.of(new Finding(
                    CHECK,
                    FindingKind.QUOTA,
                    Level.INFO,
                    "Sforce-Limit-Info has no readable api-usage pair",
                    java.util.Map.of("header", header.length() > 200 ? header.substring(0, 200) : header)));
        }
        double ratio = usage.get().ratio().get();
        quotas.record(connection.id(), ratio);
        double threshold = warnRatio(connection);
        if (ratio < threshold) return Optional.empty();
        String message = "Salesforce API usage at " + percent(ratio) + " of the daily allocation ("
                + usage.get().used() + "/" + usage.get().max() + "), at or above the " + percent(threshold)
                + " threshold";
        return Optional.of(Finding.warn(CHECK, FindingKind.QUOTA, message)
                .withEvidence("used", usage.get().used())
                .withEvidence("max", usage.get().max())
                .withEvidence("threshold", threshold));
    }

    private Finding error(ConnectionDefinition connection, SalesforceErrors.ApiError e, int status) {
        String code = e.errorCode();
        String text = e.message() == null ? "no message" : e.message();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("errorCode", code);
        evidence.put("httpStatus", String.valueOf(status));
        if (!e.fields().isEmpty()) evidence.put("fields", String.join(",", e.fields()));
        return switch (code) {
            case "REQUEST_LIMIT_EXCEEDED" -> {
                if (text.contains("TotalRequests")) quotas.record(connection.id(), 1.0);
                yield new Finding(
                        CHECK,
                        FindingKind.QUOTA,
                        Level.FAIL,
                        "Salesforce API request limit exceeded: " + text,
                        evidence);
            }
            case "INVALID_SESSION_ID" ->
                new Finding(CHECK, FindingKind.AUTH, Level.FAIL, "Salesforce rejected the session: " + text, evidence);
            default ->
                new Finding(
                        CHECK,
                        FindingKind.VENDOR_ERROR,
                        Level.FAIL,
                        "Salesforce error " + code + ": " + text,
                        evidence);
        };
    }

    /** Compares the pinned version with {@code GET /services/data/}; empty for any other response. */
    private static Optional<Finding> versions(ConnectionDefinition connection, Exchange exchange) {
        String pinned = connection.settings().get("apiVersion");
        if (pinned == null || exchange.status() != 200 || !isVersionsList(exchange.url())) return Optional.empty();
        JsonNode list;
        try {
            list = JSON.readTree(exchange.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (list == null || !list.isArray() || list.isEmpty()) return Optional.empty();
        BigDecimal want = number(pinned.replaceFirst("^[vV]", ""));
        BigDecimal oldest = null;
        BigDecimal newest = null;
        boolean offered = false;
        for (JsonNode v : list) {
            BigDecimal n = number(v.path("version").asText());
            if (n == null) continue;
            if (oldest == null || n.compareTo(oldest) < 0) oldest = n;
            if (newest == null || n.compareTo(newest) > 0) newest = n;
            offered |= want != null && n.compareTo(want) == 0;
        }
        if (newest == null) return Optional.empty();
        if (!offered) {
            return Optional.of(Finding.fail(
                            CHECK,
                            FindingKind.VENDOR_ERROR,
                            "Salesforce API version " + pinned + " is not offered (oldest " + oldest.toPlainString()
                                    + ", newest " + newest.toPlainString()
                                    + "): move the connection to a supported version")
                    .withEvidence("pinned", pinned));
        }
        if (newest.compareTo(want) > 0) {
            return Optional.of(new Finding(
                    CHECK,
                    FindingKind.VENDOR_ERROR,
                    Level.INFO,
                    "Salesforce API version " + newest.toPlainString() + " is available (pinned " + pinned + ")",
                    java.util.Map.of("pinned", pinned, "newest", newest.toPlainString())));
        }
        return Optional.empty();
    }

    private static boolean isVersionsList(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path != null && path.replaceAll("/+$", "").endsWith("/services/data");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double warnRatio(ConnectionDefinition connection) {
        String v = connection.settings().get("quotaWarnRatio");
        try {
            return v == null ? DEFAULT_QUOTA_WARN_RATIO : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_QUOTA_WARN_RATIO;
        }
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}

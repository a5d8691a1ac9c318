package io.driftwatch.vendor.quickbooks;

import io.driftwatch.http.Exchange;
import java.time.Duration;

/**
 * Recognising a QuickBooks throttle: HTTP 429, or a fault with code 3001 / ThrottleExceeded in any of
 * the shapes VENDORS.md §1.4 lists (JSON or XML, with 429, the older 403, or 200).
 */
public final class QuickBooksThrottle {
    private QuickBooksThrottle() {}

    public static boolean throttled(Exchange e) {
        if (e.status() == 429) return true;
        if (e.status() <= 0 || e.body().length == 0) return false;
        for (QuickBooksFaults.Fault f : QuickBooksFaults.parse(e.body())) {
            if ("3001".equals(f.code()) || (f.message() != null && f.message().contains("ThrottleExceeded")))
                return true;
        }
        return false;
    }

    /**
     * A numeric {@code Retry-After} (seconds), or null. Intuit does not document the header (VENDORS.md
     * §1.4: unverified), so it only ever shortens or lengthens a pause when present.
     */
    public static Duration retryAfter(Exchange e) {
        String v = e.header("retry-after");
        if (v == null) return null;
        try {
            long s = Long.parseLong(v.trim());
            return s < 0 ? null : Duration.ofSeconds(Math.min(s, 3600));
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}

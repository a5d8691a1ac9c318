package io.driftwatch.probe.checks;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.util.LinkedHashMap;
import java.util.List;

/** Fails when the HTTPS leaf certificate expires within {@code minDays}. Skipped for plain HTTP. */
public final class CertificateCheck implements Check {
    private final int minDays;

    public CertificateCheck(int minDays) {
        this.minDays = minDays;
    }

    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Integer days = context.exchange().certificateDaysLeft();
        if (days == null || days >= minDays) return List.of();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("daysLeft", String.valueOf(days));
        evidence.put("minDays", String.valueOf(minDays));
        String message = days < 0
                ? "TLS certificate expired " + -days + " days ago"
                : "TLS certificate expires in " + days + " days (minimum " + minDays + ")";
        return List.of(new Finding(name(), FindingKind.CERTIFICATE, Level.FAIL, message, evidence));
    }
}

package io.driftwatch.probe.checks;

import io.driftwatch.config.StatusExpectation;
import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.util.LinkedHashMap;
import java.util.List;

/** The HTTP status must be one the probe accepts (default 2xx). Skipped when no response arrived. */
public final class StatusCheck implements Check {
    private final StatusExpectation expected;

    public StatusCheck(StatusExpectation expected) {
        this.expected = expected;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        var exchange = context.exchange();
        if (exchange.status() == 0 || expected.matches(exchange.status())) return List.of();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("expected", expected.describe());
        evidence.put("actual", String.valueOf(exchange.status()));
        String contentType = exchange.header("content-type");
        if (contentType != null) evidence.put("contentType", contentType);
        String message = "expected status " + expected.describe() + ", got " + exchange.status()
                + (contentType != null && contentType.startsWith("text/html") ? " (HTML error page)" : "");
        return List.of(new Finding(name(), FindingKind.HTTP_STATUS, Level.FAIL, message, evidence));
    }
}

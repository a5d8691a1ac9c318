package io.driftwatch.probe;

import io.driftwatch.config.Expectations;
import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.probe.checks.AssertionCheck;
import io.driftwatch.probe.checks.CertificateCheck;
import io.driftwatch.probe.checks.ContentTypeCheck;
import io.driftwatch.probe.checks.LatencyCheck;
import io.driftwatch.probe.checks.StatusCheck;
import java.util.ArrayList;
import java.util.List;

/** Status, latency, content type, certificate and JSONPath assertions, from {@code expect:}. */
public final class BuiltInChecks implements CheckFactory {
    @Override
    public List<Check> checksFor(ProbeDefinition probe) {
        Expectations e = probe.expect();
        List<Check> checks = new ArrayList<>();
        checks.add(new StatusCheck(e.status()));
        if (e.latency() != null) checks.add(new LatencyCheck(e.latency()));
        if (e.contentType() != null) checks.add(new ContentTypeCheck(e.contentType()));
        if (e.certificateMinDays() != null) checks.add(new CertificateCheck(e.certificateMinDays()));
        for (int i = 0; i < e.assertions().size(); i++)
            checks.add(new AssertionCheck(i, e.assertions().get(i)));
        return checks;
    }
}

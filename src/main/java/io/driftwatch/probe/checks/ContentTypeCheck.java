package io.driftwatch.probe.checks;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.FindingKind;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.Check;
import io.driftwatch.probe.CheckContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** The response media type must start with the expected one (parameters such as charset ignored). */
public final class ContentTypeCheck implements Check {
    private final String expected;

    public ContentTypeCheck(String expected) {
        this.expected = expected.toLowerCase(Locale.ROOT).trim();
    }

    @Override
    public String name() {
        return "content-type";
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.exchange().status() == 0) return List.of();
        String actual = context.exchange().header("content-type");
        String media = actual == null ? "" : actual.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.startsWith(expected)) return List.of();
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("expected", expected);
        evidence.put("actual", actual == null ? "(none)" : actual);
        return List.of(new Finding(
                name(),
                FindingKind.CONTENT_TYPE,
                Level.FAIL,
                "expected content type " + expected + ", got " + (actual == null ? "none" : actual),
                evidence));
    }
}

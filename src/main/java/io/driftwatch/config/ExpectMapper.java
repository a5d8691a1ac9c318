package io.driftwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Maps a probe's {@code expect:} section to {@link Expectations}. */
final class ExpectMapper {

    static final String STATUS_FORMS = "an integer, a status class like 2xx, or a list of them";
    static final String STATUS_ITEM_FORMS = "an integer or a status class like 2xx";
    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5][xX][xX]");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5][0-9][0-9]");

    private final Path file;
    private final Values values;

    ExpectMapper(Path file, Values values) {
        this.file = file;
        this.values = values;
    }

    /** Null when the section is absent or broken; the caller substitutes the defaults. */
    Expectations map(YamlNode node) {
        if (node == null) return new Expectations(null, null, null, null, null, null, null);
        Fields f = Fields.open(node, ConfigKeys.probe("expect"), "", values);
        if (f == null) return null;
        StatusExpectation status = status(f.get("status"));
        LatencyExpectation latency = latency(f.get("latency"));
        String contentType = f.string("contentType");
        Integer certificateMinDays = certificate(f.get("certificate"));
        var assertions = new AssertionMapper(values).map(f.get("assertions"));
        SchemaExpectation schema = new DriftExpectMapper(file, values).schema(f.get("schema"));
        var totals = new TotalsMapper(values).map(f.get("totals"));
        return new Expectations(status, latency, assertions, contentType, certificateMinDays, schema, totals);
    }

    private StatusExpectation status(YamlNode node) {
        if (Values.skip(node)) return null;
        Set<Integer> codes = new HashSet<>();
        Set<Integer> classes = new HashSet<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        if (items.isEmpty()) {
            values.expected(node, STATUS_FORMS);
            return null;
        }
        boolean ok = true;
        String forms = node instanceof YamlNode.Sequence ? STATUS_ITEM_FORMS : STATUS_FORMS;
        for (YamlNode item : items) ok &= statusItem(item, forms, codes, classes);
        return ok ? new StatusExpectation(codes, classes) : null;
    }

    private boolean statusItem(YamlNode item, String forms, Set<Integer> codes, Set<Integer> classes) {
        if (Values.skip(item)) return false;
        String expected = forms;
        if (item instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL && s.kind() != YamlNode.Kind.BOOL) {
            if (STATUS_CODE.matcher(s.text()).matches()) {
                codes.add(Integer.parseInt(s.text()));
                return true;
            }
            if (s.kind() == YamlNode.Kind.STRING
                    && STATUS_CLASS.matcher(s.text()).matches()) {
                classes.add(s.text().charAt(0) - '0');
                return true;
            }
            if (s.kind() == YamlNode.Kind.INT) expected = "an HTTP status from 100 to 599";
        }
        values.expected(item, expected);
        return false;
    }

    private LatencyExpectation latency(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("expect.latency"), "", values);
        if (f == null) return null;
        Duration max = values.duration(f.get("max"), true);
        Duration degraded = values.duration(f.get("degraded"), true);
        if (max != null && degraded != null && degraded.compareTo(max) >= 0) {
            values.problems()
                    .plain(
                            f.get("degraded"),
                            "expect.latency.degraded (" + RequestMapper.text(f.get("degraded"))
                                    + ") must be less than expect.latency.max (" + RequestMapper.text(f.get("max"))
                                    + ")");
        }
        return new LatencyExpectation(max, degraded, new DriftExpectMapper(file, values).latencyDrift(f.get("drift")));
    }

    private Integer certificate(YamlNode node) {
        Fields f = Fields.open(node, ConfigKeys.probe("expect.certificate"), "", values);
        if (f == null || !f.require("minDays")) return null;
        return f.integer("minDays", 0);
    }
}

package io.driftwatch.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.baseline.Baseline;
import io.driftwatch.baseline.BaselineRecorder;
import io.driftwatch.baseline.BaselineRecordingException;
import io.driftwatch.baseline.InferenceOptions;
import io.driftwatch.baseline.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Realistic vendor payloads (src/test/resources/drift) and helpers to record baselines from them. */
public final class DriftFixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private DriftFixtures() {}

    /** A fresh, mutable copy of a fixture under src/test/resources/drift/. */
    public static JsonNode load(String name) {
        try (InputStream in = DriftFixtures.class.getResourceAsStream("/drift/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(String name) {
        return (ObjectNode) load(name);
    }

    public static Sample sample(JsonNode json) {
        return new Sample(
                200,
                "application/json;charset=UTF-8",
                Map.of("content-type", "application/json;charset=UTF-8"),
                12_000_000,
                json);
    }

    public static BaselineRecorder recorder(InferenceOptions options) {
        return new BaselineRecorder(CLOCK, d -> {}, "0.1.0-test", options, BaselineRecorder.DEFAULT_HEADERS);
    }

    public static Baseline baseline(String probe, InferenceOptions options, JsonNode... samples) {
        try {
            return recorder(options)
                    .build(
                            probe,
                            Arrays.stream(samples).map(DriftFixtures::sample).toList());
        } catch (BaselineRecordingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CompiledBaseline compiled(String probe, JsonNode... samples) {
        return compiled(baseline(probe, InferenceOptions.DEFAULT, samples));
    }

    public static CompiledBaseline compiled(Baseline baseline) {
        try {
            return CompiledBaseline.compile(baseline, "baselines/" + baseline.probe() + ".json");
        } catch (io.driftwatch.baseline.BaselineFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A QuickBooks query page of {@code count} invoices built from the invoice-read fixture, varied like
     * real data: 1-2 sales lines plus a subtotal line, optional BillAddr/CustomerMemo/ShipAddr/CustomField/LinkedTxn
     * omitted on some invoices, amounts alternating integers and decimals. About 1 KB per invoice, so
     * 1,000 invoices make the 1 MB page of the drift benchmark.
     */
    public static ObjectNode qboQueryPage(int count) {
        JsonNode template = load("qbo-invoice-read.json").get("Invoice");
        ObjectNode page = JSON.createObjectNode();
        ObjectNode response = page.putObject("QueryResponse");
        ArrayNode invoices = response.putArray("Invoice");
        for (int i = 0; i < count; i++) {
            ObjectNode inv = template.deepCopy();
            inv.put("Id", String.valueOf(1000 + i));
            inv.put("DocNumber", String.valueOf(5000 + i));
            inv.put("SyncToken", String.valueOf(i % 4));
            if (i % 3 == 0) inv.remove("CustomerMemo");
            if (i % 5 != 0) inv.remove("ShipAddr");
            if (i % 2 == 0) inv.remove("CustomField");
            if (i % 7 == 0) inv.putArray("LinkedTxn");
            if (i % 2 == 1) inv.remove(List.of("BillAddr", "CustomerMemo"));
            else ((ObjectNode) inv.get("BillAddr")).remove(List.of("Line3", "Line4"));
            ArrayNode lines = (ArrayNode) inv.get("Line");
            ObjectNode first = (ObjectNode) lines.get(0);
            lines.removeAll();
            int salesLines = i % 4 == 0 ? 2 : 1;
            for (int l = 0; l < salesLines; l++) {
                ObjectNode line = first.deepCopy();
                line.remove("Description");
                ((ObjectNode) line.get("SalesItemLineDetail")).remove("ItemAccountRef");
                line.put("Id", String.valueOf(l + 1));
                line.put("LineNum", l + 1);
                if ((i + l) % 2 == 0) line.put("Amount", 100 + l);
                else line.put("Amount", new BigDecimal("99.95"));
                lines.add(line);
            }
            lines.addObject()
                    .put("Amount", 287.75)
                    .put("DetailType", "SubTotalLineDetail")
                    .putObject("SubTotalLineDetail");
            if (i % 2 == 0) inv.put("TotalAmt", 362);
            invoices.add(inv);
        }
        response.put("startPosition", 1);
        response.put("maxResults", count);
        page.put("time", "2015-07-24T10:51:12.512-07:00");
        return page;
    }

    /** The kinds of a report's changes, in order. */
    public static List<DriftKind> kinds(DriftReport report) {
        return report.changes().stream().map(DriftChange::kind).toList();
    }
}

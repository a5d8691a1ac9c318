package io.driftwatch.drift;

import static io.driftwatch.drift.DriftFixtures.compiled;
import static io.driftwatch.drift.DriftFixtures.load;
import static io.driftwatch.drift.DriftFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Drift on QuickBooks query pages, Salesforce query and describe results, and Smarty candidates. */
class VendorDriftTest {
    private final DriftDetector detector = new DriftDetector();

    private static List<String> messages(DriftReport report) {
        return report.changes().stream().map(DriftChange::message).toList();
    }

    @Test
    void qboQueryPage_arraysOfOtherLengthsAreNotDrift() {
        CompiledBaseline page = compiled("qbo-invoice-query", load("qbo-invoice-query.json"));
        ObjectNode one = (ObjectNode) load("qbo-invoice-query.json");
        ArrayNode invoices = (ArrayNode) one.get("QueryResponse").get("Invoice");
        invoices.remove(2);
        invoices.remove(0);
        ((ObjectNode) one.get("QueryResponse")).put("maxResults", 1);
        assertThat(detector.detect(page, sample(one), DriftSettings.DEFAULT).changes())
                .isEmpty();
        ObjectNode many = (ObjectNode) load("qbo-invoice-query.json");
        ArrayNode longer = (ArrayNode) many.get("QueryResponse").get("Invoice");
        for (int i = 0; i < 40; i++) longer.add(longer.get(i % 3).deepCopy());
        assertThat(detector.detect(page, sample(many), DriftSettings.DEFAULT).changes())
                .isEmpty();
    }

    @Test
    void qboQueryPage_reportsPerPathWithCounts() {
        CompiledBaseline page = compiled("qbo-invoice-query", load("qbo-invoice-query.json"));
        ObjectNode doc = (ObjectNode) load("qbo-invoice-query.json");
        ((ObjectNode) doc.get("QueryResponse").get("Invoice").get(1)).remove("DocNumber");
        ((ObjectNode) doc.get("QueryResponse")).put("maxResults", "3");
        DriftReport report = detector.detect(page, sample(doc), DriftSettings.DEFAULT);
        assertThat(messages(report))
                .containsExactly(
                        "type-changed at $.QueryResponse.maxResults: baseline number, observed string in 1 of 1 values",
                        "required-field-missing at $.QueryResponse.Invoice[*].DocNumber: missing in 1 of 3 objects (baseline: required string)");
    }

    @Test
    void qboPageOfAThousandInvoices_oneFindingPerPath() {
        CompiledBaseline page = compiled("qbo-invoice-query", DriftFixtures.qboQueryPage(60));
        ObjectNode doc = DriftFixtures.qboQueryPage(1000);
        ArrayNode invoices = (ArrayNode) doc.get("QueryResponse").get("Invoice");
        assertThat(detector.detect(page, sample(doc), DriftSettings.DEFAULT).changes())
                .isEmpty();
        for (int i : new int[] {10, 500, 999}) ((ObjectNode) invoices.get(i)).remove("DocNumber");
        ((ObjectNode) invoices.get(7)).put("TotalAmt", "362.00");
        ((ObjectNode) invoices.get(8)).put("TotalAmt", "12.00");
        DriftReport report = detector.detect(page, sample(doc), DriftSettings.DEFAULT);
        assertThat(messages(report))
                .containsExactly(
                        "type-changed at $.QueryResponse.Invoice[*].TotalAmt: baseline number, observed string in 2 of 1000 values",
                        "required-field-missing at $.QueryResponse.Invoice[*].DocNumber: missing in 3 of 1000 objects (baseline: required string)");
    }

    @Test
    void salesforceQuery_moreThanMaxMissingRequiredFailsTheRun() {
        CompiledBaseline query = compiled("sf-opportunity-query", load("sf-opportunity-query.json"));
        DriftSettings twoAllowed = new DriftSettings(2, false, Map.of(), Set.of());
        ObjectNode two = (ObjectNode) load("sf-opportunity-query.json");
        ObjectNode record = (ObjectNode) two.get("records").get(0);
        record.remove(List.of("StageName", "CloseDate"));
        DriftReport within = detector.detect(query, sample(two), twoAllowed);
        assertThat(within.missingRequired()).isEqualTo(2);
        assertThat(within.changes()).extracting(DriftChange::severity).containsOnly(Severity.WARNING);
        record.remove("Name");
        DriftReport over = detector.detect(query, sample(two), twoAllowed);
        assertThat(over.missingRequired()).isEqualTo(3);
        assertThat(over.changes()).extracting(DriftChange::severity).containsOnly(Severity.BREAKING);
        assertThat(messages(over))
                .containsExactly(
                        "required-field-missing at $.records[*].CloseDate: missing in 1 of 3 objects (baseline: required string)",
                        "required-field-missing at $.records[*].Name: missing in 1 of 3 objects (baseline: required string)",
                        "required-field-missing at $.records[*].StageName: missing in 1 of 3 objects (baseline: required string)");
    }

    @Test
    void salesforceQuery_nullableFieldsAndTypeChanges() {
        CompiledBaseline query = compiled("sf-opportunity-query", load("sf-opportunity-query.json"));
        ObjectNode doc = (ObjectNode) load("sf-opportunity-query.json");
        ObjectNode record = (ObjectNode) doc.get("records").get(1);
        record.putNull("Amount"); // the baseline saw a null Amount: not drift
        record.putNull("Account");
        ((ObjectNode) doc.get("records").get(0)).put("Amount", "75000.00");
        assertThat(messages(detector.detect(query, sample(doc), DriftSettings.DEFAULT)))
                .containsExactly(
                        "type-changed at $.records[*].Amount: baseline number or null, observed string in 1 of 3 values");
    }

    @Test
    void salesforceDescribe_fieldsArrayMergedAcrossElements() {
        CompiledBaseline describe = compiled("sf-opportunity-describe", load("sf-opportunity-describe.json"));
        ObjectNode doc = (ObjectNode) load("sf-opportunity-describe.json");
        for (JsonNode field : doc.get("fields")) ((ObjectNode) field).put("aiPredictionField", false);
        ((ObjectNode) doc.get("fields").get(2)).put("nillable", "true");
        ((ObjectNode) doc.get("fields").get(3).get("picklistValues").get(0))
                .put("validFor", "AAAA"); // only null seen: anything goes
        assertThat(messages(detector.detect(describe, sample(doc), DriftSettings.DEFAULT)))
                .containsExactly(
                        "type-changed at $.fields[*].nillable: baseline boolean, observed string in 1 of 5 values",
                        "field-added at $.fields[*].aiPredictionField: boolean in 5 of 5 objects");
    }

    @Test
    void smartyCandidates_emptyResultIsNotDrift() {
        CompiledBaseline candidates = compiled("smarty-street", load("smarty-candidates.json"));
        assertThat(detector.detect(candidates, sample(DriftFixtures.JSON.createArrayNode()), DriftSettings.DEFAULT)
                        .changes())
                .isEmpty();
        ArrayNode doc = (ArrayNode) load("smarty-candidates.json");
        ((ObjectNode) doc.get(0).get("metadata")).put("latitude", "37.42357");
        ((ObjectNode) doc.get(1)).remove("analysis");
        assertThat(messages(detector.detect(candidates, sample(doc), DriftSettings.DEFAULT)))
                .containsExactly(
                        "type-changed at $[*].metadata.latitude: baseline number, observed string in 1 of 2 values",
                        "required-field-missing at $[*].analysis: missing in 1 of 2 objects (baseline: required object)");
    }

    @Test
    void smartyCandidates_rootBecameObject() {
        CompiledBaseline candidates = compiled("smarty-street", load("smarty-candidates.json"));
        ObjectNode error = DriftFixtures.JSON.createObjectNode();
        error.putArray("errors").addObject().put("message", "Unauthorized");
        assertThat(messages(detector.detect(candidates, sample(error), DriftSettings.DEFAULT)))
                .containsExactly("array-became-object at $: baseline array, observed object in 1 of 1 values");
    }
}

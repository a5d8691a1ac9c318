package io.driftwatch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The schema and totals drift scenarios, applied to the records of one response (each a fresh copy).
 *
 * @param removeField default for {@code field-removed}
 * @param retypeField default for {@code field-retyped}
 * @param arrayField default for {@code object-to-array}
 * @param totalField default for {@code totals-off}, or null when the vendor has no total
 */
record RecordMutations(String removeField, String retypeField, String arrayField, String totalField) {

    void apply(Scenarios scenarios, SandboxVendor vendor, Iterable<? extends JsonNode> records) {
        for (JsonNode record : records) {
            if (record instanceof ObjectNode obj) apply(scenarios, vendor, obj);
        }
    }

    private void apply(Scenarios scenarios, SandboxVendor vendor, ObjectNode record) {
        Optional<Scenarios.Active> totals = scenarios.find(ScenarioKind.TOTALS_OFF, vendor);
        if (totals.isPresent() && totalField != null) {
            String field = totals.get().scenario().param("field", totalField);
            BigDecimal delta = new BigDecimal(totals.get().scenario().param("delta", "0.02"));
            Target t = Target.of(record, field);
            if (t != null && t.value() != null && t.value().isNumber()) {
                t.parent().put(t.name(), t.value().decimalValue().add(delta));
            }
        }
        scenarios.find(ScenarioKind.FIELD_RETYPED, vendor).ifPresent(a -> {
            Target t = Target.of(record, a.scenario().param("field", retypeField));
            if (t != null && t.value() != null && t.value().isNumber()) {
                t.parent().put(t.name(), t.value().decimalValue().toPlainString());
            }
        });
        scenarios.find(ScenarioKind.OBJECT_TO_ARRAY, vendor).ifPresent(a -> {
            Target t = Target.of(record, a.scenario().param("field", arrayField));
            if (t != null && t.value() != null && t.value().isObject()) {
                t.parent().set(t.name(), Json.array().add(t.value()));
            }
        });
        scenarios.find(ScenarioKind.FIELD_REMOVED, vendor).ifPresent(a -> {
            Target t = Target.of(record, a.scenario().param("field", removeField));
            if (t != null) t.parent().remove(t.name());
        });
    }

    /** The object holding the last segment of a dotted path, and that segment's current value. */
    private record Target(ObjectNode parent, String name, JsonNode value) {
        static Target of(ObjectNode root, String dotted) {
            String[] parts = dotted.split("\\.");
            ObjectNode at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(at.get(parts[i]) instanceof ObjectNode next)) return null;
                at = next;
            }
            String last = parts[parts.length - 1];
            return new Target(at, last, at.get(last));
        }
    }
}

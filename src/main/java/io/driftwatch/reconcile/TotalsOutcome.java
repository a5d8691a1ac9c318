package io.driftwatch.reconcile;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;

/** Every record one totals rule looked at, in payload order. */
public record TotalsOutcome(List<RecordTotal> records) {

    public TotalsOutcome {
        records = List.copyOf(records);
    }

    public List<RecordTotal> problems() {
        return records.stream().filter(r -> !r.ok()).toList();
    }

    public ReconcileSummary summary() {
        BigDecimal largest = BigDecimal.ZERO;
        EnumMap<MismatchKind, Integer> counts = new EnumMap<>(MismatchKind.class);
        for (RecordTotal r : records) {
            if (r.delta() != null) largest = largest.max(r.delta().abs());
            MismatchKind kind = switch (r.status()) {
                case OK -> null;
                case OFF -> MismatchKind.TOTALS;
                case INVALID -> MismatchKind.INVALID;
                case MIXED_CURRENCY -> MismatchKind.CURRENCY;
            };
            if (kind != null) counts.merge(kind, 1, Integer::sum);
        }
        return new ReconcileSummary(largest, counts);
    }
}

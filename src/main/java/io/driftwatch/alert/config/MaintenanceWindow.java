package io.driftwatch.alert.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A {@code maintenance:} entry: while active, matching alerts keep their state but send nothing; when
 * it ends, whatever receivers have not been told (still firing, or resolved meanwhile) is sent once.
 * Either one-off ({@code start}/{@code end}) or recurring ({@code days}, {@code from}, {@code to} in
 * {@code timezone}; {@code to} at or before {@code from} ends the next day). Recurring windows follow
 * the zone's daylight-saving rules: 02:00-04:00 local is always 02:00-04:00 on the wall clock.
 */
public record MaintenanceWindow(
        String name,
        Matcher match,
        ZoneId zone,
        Instant start,
        Instant end,
        Set<DayOfWeek> days,
        LocalTime from,
        LocalTime to) {

    public boolean isRecurring() {
        return from != null;
    }

    public boolean activeAt(Instant now) {
        if (!isRecurring()) return !now.isBefore(start) && now.isBefore(end);
        ZonedDateTime local = now.atZone(zone);
        // A window that started yesterday may still be open (crossing midnight), so check both days.
        for (int back = 0; back <= 1; back++) {
            var day = local.toLocalDate().minusDays(back);
            if (!days.contains(day.getDayOfWeek())) continue;
            ZonedDateTime open = day.atTime(from).atZone(zone);
            ZonedDateTime close =
                    (to.isAfter(from) ? day : day.plusDays(1)).atTime(to).atZone(zone);
            if (!now.isBefore(open.toInstant()) && now.isBefore(close.toInstant())) return true;
        }
        return false;
    }
}

package io.driftwatch.schedule;

import io.driftwatch.config.ProbeDefinition;
import io.driftwatch.config.Schedule;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One Quartz job and one trigger per probe, both named by the probe id in group {@value #GROUP}. The
 * job holds nothing but its name: the definition is looked up at fire time, so the JDBC store never
 * serialises a probe.
 */
final class ProbeTriggers {

    static final String GROUP = "driftwatch-probes";

    private ProbeTriggers() {}

    static JobKey jobKey(String probeId) {
        return JobKey.jobKey(probeId, GROUP);
    }

    static TriggerKey triggerKey(String probeId) {
        return TriggerKey.triggerKey(probeId, GROUP);
    }

    static JobDetail job(String probeId) {
        return JobBuilder.newJob(ProbeJob.class)
                .withIdentity(jobKey(probeId))
                .withDescription("driftwatch probe")
                .build();
    }

    /**
     * Rejects a schedule Quartz cannot run, before anything changes (the previous version of the
     * probe keeps running).
     */
    static void validate(ProbeDefinition probe) {
        switch (probe.schedule()) {
            case Schedule.Every every -> {
                if (every.interval() == null || every.interval().toMillis() < 1) {
                    throw new IllegalArgumentException(
                            "probe " + probe.id() + ": interval must be at least 1ms, was " + every.interval());
                }
            }
            case Schedule.Cron cron -> {
                try {
                    CronExpression.validateExpression(cron.expression());
                } catch (ParseException e) {
                    throw new IllegalArgumentException(
                            "probe " + probe.id() + ": cron expression \"" + cron.expression() + "\" is not valid: "
                                    + e.getMessage(),
                            e);
                }
            }
            case null -> throw new IllegalArgumentException("probe " + probe.id() + ": no schedule");
        }
    }

    /**
     * {@code every:} repeats forever from a jittered start ({@link StartJitter}); a misfire moves on
     * to the next fire time without catching up. {@code cron:} fires in its zone; a misfire waits
     * for the next fire time.
     */
    static Trigger trigger(ProbeDefinition probe, Instant now) {
        TriggerBuilder<Trigger> builder =
                TriggerBuilder.newTrigger().withIdentity(triggerKey(probe.id())).forJob(jobKey(probe.id()));
        return switch (probe.schedule()) {
            case Schedule.Every every ->
                builder.startAt(Date.from(StartJitter.firstFire(probe.id(), every.interval(), now)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(every.interval().toMillis())
                                .repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build();
            case Schedule.Cron cron ->
                builder.startAt(Date.from(now))
                        .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
                                .inTimeZone(timeZone(cron.zone()))
                                .withMisfireHandlingInstructionDoNothing())
                        .build();
        };
    }

    /**
     * True if {@code existing} already runs {@code schedule}: then it is kept as is, so replacing a
     * probe whose schedule did not change keeps its phase (and its place in a cluster).
     */
    static boolean sameSchedule(Trigger existing, Schedule schedule) {
        if (existing.getNextFireTime() == null) {
            return false; // finished or broken: build a new one
        }
        return switch (schedule) {
            case Schedule.Every every ->
                existing instanceof SimpleTrigger simple
                        && simple.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY
                        && simple.getRepeatInterval() == every.interval().toMillis()
                        && simple.getMisfireInstruction()
                                == SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT;
            case Schedule.Cron cron ->
                existing instanceof CronTrigger cronTrigger
                        && cronTrigger.getCronExpression().equals(cron.expression())
                        && cronTrigger
                                .getTimeZone()
                                .getID()
                                .equals(timeZone(cron.zone()).getID())
                        && cronTrigger.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING;
        };
    }

    /** A cron schedule without a zone runs in the daemon's default zone. */
    private static TimeZone timeZone(ZoneId zone) {
        return zone == null ? TimeZone.getDefault() : TimeZone.getTimeZone(zone);
    }
}

package io.eventmq.scheduler;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A 5-field Unix cron expression (as the reference's croniter reads it) in a time zone, parsed by cron-utils:
 * cron is kept in core, with a maintained parser, because a Python client's cron SCHEDULE must work on a
 * scheduler without Spring.
 */
final class CronRule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime times;
    private final ZoneId zone;

    private CronRule(ExecutionTime times, ZoneId zone) {
        this.times = times;
        this.zone = zone;
    }

    /** Parses {@code expression}; a bad one is an {@link IllegalArgumentException} that says why. */
    static CronRule parse(String expression, ZoneId zone) {
        return new CronRule(ExecutionTime.forCron(PARSER.parse(expression.trim()).validate()), zone);
    }

    /** The first time strictly after {@code after} that the expression names; {@code null} when none. */
    Instant next(Instant after) {
        return times.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
    }
}

package io.eventmq.scheduler;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import io.eventmq.device.ServiceSettings;
import io.eventmq.device.ServiceType;

/**
 * How a {@link Scheduler} connects and keeps time.
 *
 * @param service      its connection: address (the router's frontend), failover, heartbeats, reconnect, socket;
 *                     type, queues and concurrency are a scheduler's whatever is given
 * @param zone         the time zone cron expressions are read in (UTC by default; the reference used the
 *                     host's local time)
 * @param maxSchedules schedules kept at most; a SCHEDULE for a new job beyond it is refused and logged
 */
public record SchedulerSettings(ServiceSettings service, ZoneId zone, int maxSchedules) {

    /** The reference's frontend {@code tcp://127.0.0.1:47291}, UTC, at most 10,000 schedules. */
    public static final SchedulerSettings DEFAULTS = new SchedulerSettings(
            ServiceSettings.DEFAULTS.withAddress("tcp://127.0.0.1:47291"), ZoneId.of("UTC"), 10_000);

    public SchedulerSettings {
        Objects.requireNonNull(service, "service must not be null");
        service = service.withType(ServiceType.SCHEDULER).withQueues(List.of()).withConcurrency(1);
        Objects.requireNonNull(zone, "zone must not be null");
        if (maxSchedules < 1) {
            throw new IllegalArgumentException("maxSchedules must be 1 or more, was " + maxSchedules);
        }
    }

    public SchedulerSettings withService(ServiceSettings value) {
        return new SchedulerSettings(value, zone, maxSchedules);
    }

    public SchedulerSettings withZone(ZoneId value) {
        return new SchedulerSettings(service, value, maxSchedules);
    }

    public SchedulerSettings withMaxSchedules(int value) {
        return new SchedulerSettings(service, zone, value);
    }
}

package io.eventmq.scheduler;

import java.util.Objects;

/**
 * One schedule as a SCHEDULE carried it, with the runs it has left: what a {@link ScheduleStore} keeps.
 *
 * @param id              the schedule id, equal to the reference's for the same job (see {@link ScheduleIds})
 * @param queue           the queue its REQUESTs go to
 * @param headers         the SCHEDULE's headers frame, as sent
 * @param intervalSeconds seconds between runs, or {@code -1} when {@code cron} rules
 * @param payload         the job payload each REQUEST carries
 * @param cron            a 5-field cron expression when {@code intervalSeconds} is {@code -1}, else empty
 * @param runsLeft        runs before the schedule is dropped ({@code run_count:N} less the runs so far);
 *                        {@code -1} for without end
 */
public record Schedule(String id, String queue, String headers, long intervalSeconds, String payload, String cron,
                       int runsLeft) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(cron, "cron");
        if (intervalSeconds < 1 && intervalSeconds != -1) {
            throw new IllegalArgumentException("interval must be 1 s or more, or -1 for cron, was "
                    + intervalSeconds);
        }
        if (intervalSeconds == -1 && cron.isBlank()) {
            throw new IllegalArgumentException("a schedule needs an interval or a cron expression");
        }
        if (runsLeft < 1 && runsLeft != -1) {
            throw new IllegalArgumentException("runsLeft must be 1 or more, or -1 for without end, was " + runsLeft);
        }
    }

    /** Whether a cron expression, not an interval, says when it runs. */
    public boolean isCron() {
        return intervalSeconds == -1;
    }

    /** The same schedule with {@code value} runs left. */
    public Schedule withRunsLeft(int value) {
        return new Schedule(id, queue, headers, intervalSeconds, payload, cron, value);
    }
}

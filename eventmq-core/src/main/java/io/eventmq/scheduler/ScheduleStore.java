package io.eventmq.scheduler;

import java.time.Instant;
import java.util.List;

/**
 * Where a {@link Scheduler} keeps its schedules so they survive a restart (the reference used Redis).
 * {@link #load()} is called by {@link Scheduler#start()}; the others one at a time, in order, on the scheduler's
 * store thread, never on its I/O thread, so they may block (a database). An exception is logged and the schedule
 * lives on in memory.
 */
public interface ScheduleStore {

    /** The schedules kept, read once when the scheduler starts. */
    List<Schedule> load();

    /** Keeps {@code schedule}, replacing the one with its id. */
    void save(Schedule schedule);

    /** Forgets the schedule with {@code id}; nothing happens when there is none. */
    void remove(String id);

    /**
     * Whether this scheduler may send the run of {@code schedule} due at {@code due}. A store that schedulers
     * share grants each run to one of them: two schedulers that loaded the same schedules after a restart must
     * not both fire it. A store nobody shares, like the in-memory one, grants every run.
     */
    default boolean claim(Schedule schedule, Instant due) {
        return true;
    }
}

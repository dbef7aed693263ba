package io.eventmq.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The default {@link ScheduleStore}: schedules last as long as the store object does. Thread-safe. */
public final class InMemoryScheduleStore implements ScheduleStore {

    private final Map<String, Schedule> schedules = new LinkedHashMap<>();

    @Override
    public synchronized List<Schedule> load() {
        return new ArrayList<>(schedules.values());
    }

    @Override
    public synchronized void save(Schedule schedule) {
        schedules.put(schedule.id(), schedule);
    }

    @Override
    public synchronized void remove(String id) {
        schedules.remove(id);
    }
}

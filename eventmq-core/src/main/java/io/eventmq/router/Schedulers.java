package io.eventmq.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered schedulers, handed SCHEDULEs round robin. */
final class Schedulers {

    private final Map<String, Scheduler> schedulers = new LinkedHashMap<>();
    private int next;

    Scheduler add(String id, long now) {
        Scheduler scheduler = new Scheduler(id, now);
        schedulers.put(id, scheduler);
        return scheduler;
    }

    void remove(Scheduler scheduler) {
        schedulers.remove(scheduler.id);
    }

    Scheduler get(String id) {
        return schedulers.get(id);
    }

    int size() {
        return schedulers.size();
    }

    /** A copy: callers remove schedulers while they go through it. */
    List<Scheduler> all() {
        return new ArrayList<>(schedulers.values());
    }

    /** The next scheduler in turn, {@code null} when none. */
    Scheduler next() {
        if (schedulers.isEmpty()) {
            return null;
        }
        List<Scheduler> all = all();
        next = (next + 1) % all.size();
        return all.get(next);
    }
}

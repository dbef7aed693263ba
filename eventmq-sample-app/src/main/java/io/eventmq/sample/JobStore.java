package io.eventmq.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The last {@value #CAPACITY} submitted jobs, in memory, the oldest evicted first: enough for a sample, lost on
 * restart. Thread-safe: results arrive on the client's callback threads.
 */
@Component
@ConditionalOnWebApplication
final class JobStore {

    static final int CAPACITY = 1000;

    private final Map<String, TrackedJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrackedJob> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(TrackedJob job) {
        jobs.put(job.id(), job);
    }

    /** Replaces a job by what {@code change} makes of it; nothing when it was evicted meanwhile. */
    synchronized void update(String id, UnaryOperator<TrackedJob> change) {
        jobs.computeIfPresent(id, (key, job) -> change.apply(job));
    }

    synchronized Optional<TrackedJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The newest {@code limit} jobs, newest first. */
    synchronized List<TrackedJob> latest(int limit) {
        List<TrackedJob> newestFirst = new ArrayList<>(jobs.values());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }
}

package io.eventmq.router;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.eventmq.protocol.ProtocolException;
import io.eventmq.protocol.WeightedQueue;

/**
 * The registered workers and the queues they serve. A queue is forgotten when it has neither a worker nor
 * a waiting REQUEST.
 */
final class Workers {

    /** Queues one INFORM may announce. */
    static final int MAX_QUEUES_PER_INFORM = 1_000;
    /** Distinct queues the router keeps at once. */
    static final int MAX_QUEUES = 10_000;

    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Map<String, NamedQueue> queues = new LinkedHashMap<>();
    private final int highWaterMark;

    Workers(int highWaterMark) {
        this.highWaterMark = highWaterMark;
    }

    /**
     * Registers a worker (replacing one of the same id) with no free slot yet.
     *
     * @throws ProtocolException when it announces more than {@link #MAX_QUEUES_PER_INFORM} queues, or more
     *                           new ones than the router has room for
     */
    Worker add(String id, List<WeightedQueue> announced, long now) {
        requireRoom(announced);
        Worker previous = workers.get(id);
        if (previous != null) {
            remove(previous);
        }
        List<NamedQueue> served = new ArrayList<>(announced.size());
        Worker worker = new Worker(id, announced, served, now);
        Set<String> names = new HashSet<>();
        for (WeightedQueue queue : announced) {
            if (names.add(queue.name())) {
                NamedQueue named = named(queue.name());
                served.add(named);
                named.add(queue.weight(), worker);
            }
        }
        workers.put(id, worker);
        return worker;
    }

    void remove(Worker worker) {
        workers.remove(worker.id);
        for (NamedQueue queue : worker.queues) {
            queue.remove(worker);
            if (!queue.hasWorkers() && queue.waiting.isEmpty()) {
                queues.remove(queue.name);
            }
        }
    }

    private void requireRoom(List<WeightedQueue> announced) {
        if (announced.size() > MAX_QUEUES_PER_INFORM) {
            throw new ProtocolException("INFORM announces " + announced.size() + " queues, at most "
                    + MAX_QUEUES_PER_INFORM + " taken");
        }
        Set<String> unknown = new HashSet<>();
        for (WeightedQueue queue : announced) {
            if (!queues.containsKey(queue.name())) {
                unknown.add(queue.name());
            }
        }
        if (queues.size() + unknown.size() > MAX_QUEUES) {
            throw new ProtocolException("INFORM announces " + unknown.size() + " new queues; the router has "
                    + queues.size() + " of at most " + MAX_QUEUES);
        }
    }

    Worker get(String id) {
        return workers.get(id);
    }

    int size() {
        return workers.size();
    }

    /** A copy: callers remove workers while they go through it. */
    List<Worker> all() {
        return new ArrayList<>(workers.values());
    }

    Collection<Worker> view() {
        return workers.values();
    }

    Collection<NamedQueue> queues() {
        return queues.values();
    }

    /** The queue a REQUEST for {@code name} goes to: that queue when a worker serves it, else the default. */
    NamedQueue route(String name) {
        NamedQueue queue = queues.get(name);
        if (queue != null && queue.hasWorkers()) {
            return queue;
        }
        return named(Router.DEFAULT_QUEUE);
    }

    /** The queue {@code name}, made when the router has none of that name. */
    NamedQueue named(String name) {
        NamedQueue queue = queues.get(name);
        if (queue == null) {
            queue = new NamedQueue(name, highWaterMark);
            queues.put(name, queue);
        }
        return queue;
    }
}

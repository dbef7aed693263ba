package io.eventmq.router;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventmq.protocol.WeightedQueue;

/** The registered workers and the queues they serve. A queue stays known once a worker announced it. */
final class Workers {

    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Map<String, NamedQueue> queues = new LinkedHashMap<>();
    private final int highWaterMark;

    Workers(int highWaterMark) {
        this.highWaterMark = highWaterMark;
    }

    /** Registers a worker (replacing one of the same id) with no free slot yet. */
    Worker add(String id, List<WeightedQueue> announced, long now) {
        Worker previous = workers.get(id);
        if (previous != null) {
            remove(previous);
        }
        List<NamedQueue> served = new ArrayList<>(announced.size());
        Worker worker = new Worker(id, announced, served, now);
        for (WeightedQueue queue : announced) {
            NamedQueue named = queue(queue.name());
            if (!served.contains(named)) {
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
        return queue(Router.DEFAULT_QUEUE);
    }

    private NamedQueue queue(String name) {
        NamedQueue queue = queues.get(name);
        if (queue == null) {
            queue = new NamedQueue(name, highWaterMark);
            queues.put(name, queue);
        }
        return queue;
    }
}

package io.eventmq.router;

import java.util.List;

import io.eventmq.protocol.WeightedQueue;

/** A registered worker: its queues in the order it announced them, its free slots, when it was last heard. */
final class Worker {

    final String id;
    final List<WeightedQueue> announced;
    final List<NamedQueue> queues;
    int freeSlots;
    long lastSeen;
    long processed;

    Worker(String id, List<WeightedQueue> announced, List<NamedQueue> queues, long now) {
        this.id = id;
        this.announced = announced;
        this.queues = queues;
        this.lastSeen = now;
    }
}

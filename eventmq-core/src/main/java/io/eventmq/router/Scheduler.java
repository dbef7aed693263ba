package io.eventmq.router;

/** A registered scheduler and when it was last heard. */
final class Scheduler {

    final String id;
    long lastSeen;

    Scheduler(String id, long now) {
        this.id = id;
        this.lastSeen = now;
    }
}

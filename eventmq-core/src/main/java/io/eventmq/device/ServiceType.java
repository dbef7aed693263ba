package io.eventmq.device;

/** What a service announces itself as in its INFORM. */
public enum ServiceType {
    /** A job manager: connects to the router's backend, announces queues, takes REQUESTs. */
    WORKER("worker"),
    /** A scheduler: connects to the router's frontend, announces no queues. */
    SCHEDULER("scheduler");

    private final String wireName;

    ServiceType(String wireName) {
        this.wireName = wireName;
    }

    /** The INFORM {@code type} frame: {@code worker} or {@code scheduler}. */
    public String wireName() {
        return wireName;
    }
}

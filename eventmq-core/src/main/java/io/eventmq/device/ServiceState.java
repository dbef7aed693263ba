package io.eventmq.device;

/** Where a {@link WorkerService} is in its life. */
public enum ServiceState {
    /** Built, not started. */
    NEW,
    /** INFORM sent, waiting for the router's ACK. */
    CONNECTING,
    /** ACKed: READY sent for every free job slot, taking jobs. */
    CONNECTED,
    /** Stopping: no more READY, running jobs finish (within the grace period). */
    STOPPING,
    /** Stopped: the socket is closed. */
    STOPPED
}

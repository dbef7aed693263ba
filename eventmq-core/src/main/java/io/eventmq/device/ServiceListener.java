package io.eventmq.device;

import io.eventmq.protocol.Message;

/**
 * What happens inside a {@link WorkerService}, for health and metrics. Every method does nothing unless
 * overridden. Called one at a time, in order, on the service's I/O thread, or on a job thread that sends its
 * REPLY itself while the I/O thread waits (the first state change on the thread calling {@code start()}):
 * implementations must be quick and must not block; an exception is logged and ignored.
 */
public interface ServiceListener {

    /** A listener that listens to nothing. */
    ServiceListener NONE = new ServiceListener() {
    };

    default void stateChanged(ServiceState previous, ServiceState current) {
    }

    /** A well-formed message arrived from the router ({@link Message#command()} says which). */
    default void messageReceived(Message message) {
    }

    /** A message was handed to the socket. */
    default void messageSent(Message message) {
    }

    /** A message from the router was malformed or unexpected and was dropped. */
    default void invalidMessage(String reason) {
    }

    /** Heartbeat timeout passed with nothing from the router; {@code misses} in a row so far. */
    default void heartbeatMissed(int misses) {
    }

    /** The service dropped its connection and connects again, with a new identity, to {@code address}. */
    default void reconnecting(String address, String reason) {
    }

    /** A REQUEST took a job slot and was handed to a job thread. */
    default void jobStarted(String msgid, String queue) {
    }

    /** A job gave its slot back (or was abandoned at the end of the stop grace period). */
    default void jobFinished(JobReport job) {
    }
}

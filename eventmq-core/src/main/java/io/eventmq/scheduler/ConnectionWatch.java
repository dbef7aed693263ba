package io.eventmq.scheduler;

import java.util.concurrent.CompletableFuture;

import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceState;

/**
 * Completes a future when the scheduler first connects, on the common pool: what an application chains to it
 * never runs on the I/O thread.
 */
final class ConnectionWatch implements ServiceListener {

    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    /** Completes when the router first acknowledged the scheduler's INFORM. */
    CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void stateChanged(ServiceState previous, ServiceState current) {
        if (current == ServiceState.CONNECTED) {
            connected.completeAsync(() -> null);
        }
    }
}

package io.eventmq.scheduler;

import java.util.concurrent.CompletableFuture;

import io.eventmq.device.JobReport;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceState;
import io.eventmq.protocol.Message;

/**
 * Passes everything on to the application's listener, and completes a future when first connected, on the
 * common pool: what an application chains to it never runs on the I/O thread.
 */
final class ConnectionWatch implements ServiceListener {

    private final ServiceListener listener;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    ConnectionWatch(ServiceListener listener) {
        this.listener = listener;
    }

    /** Completes when the router first acknowledged the scheduler's INFORM. */
    CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void stateChanged(ServiceState previous, ServiceState current) {
        if (current == ServiceState.CONNECTED) {
            connected.completeAsync(() -> null);
        }
        listener.stateChanged(previous, current);
    }

    @Override
    public void messageReceived(Message message) {
        listener.messageReceived(message);
    }

    @Override
    public void messageSent(Message message) {
        listener.messageSent(message);
    }

    @Override
    public void invalidMessage(String reason) {
        listener.invalidMessage(reason);
    }

    @Override
    public void heartbeatMissed(int misses) {
        listener.heartbeatMissed(misses);
    }

    @Override
    public void reconnecting(String address, String reason) {
        listener.reconnecting(address, reason);
    }

    @Override
    public void jobStarted(String msgid, String queue) {
        listener.jobStarted(msgid, queue);
    }

    @Override
    public void jobFinished(JobReport job) {
        listener.jobFinished(job);
    }
}

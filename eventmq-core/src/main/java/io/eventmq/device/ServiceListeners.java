package io.eventmq.device;

import java.util.List;

import io.eventmq.protocol.Message;

/** Several {@link ServiceListener}s as the one a service takes. */
public final class ServiceListeners {

    private ServiceListeners() {
    }

    /** {@code all} as one listener, each told in turn; the one itself when there is one. */
    public static ServiceListener of(List<ServiceListener> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        return new ServiceListener() {
            @Override
            public void stateChanged(ServiceState previous, ServiceState current) {
                all.forEach(listener -> listener.stateChanged(previous, current));
            }

            @Override
            public void messageReceived(Message message) {
                all.forEach(listener -> listener.messageReceived(message));
            }

            @Override
            public void messageSent(Message message) {
                all.forEach(listener -> listener.messageSent(message));
            }

            @Override
            public void invalidMessage(String reason) {
                all.forEach(listener -> listener.invalidMessage(reason));
            }

            @Override
            public void heartbeatMissed(int misses) {
                all.forEach(listener -> listener.heartbeatMissed(misses));
            }

            @Override
            public void reconnecting(String address, String reason) {
                all.forEach(listener -> listener.reconnecting(address, reason));
            }

            @Override
            public void jobStarted(String msgid, String queue) {
                all.forEach(listener -> listener.jobStarted(msgid, queue));
            }

            @Override
            public void jobFinished(JobReport job) {
                all.forEach(listener -> listener.jobFinished(job));
            }
        };
    }
}

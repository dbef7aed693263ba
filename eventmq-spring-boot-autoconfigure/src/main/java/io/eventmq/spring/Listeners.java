package io.eventmq.spring;

import java.util.List;

import io.eventmq.device.JobReport;
import io.eventmq.device.ServiceListener;
import io.eventmq.device.ServiceState;
import io.eventmq.protocol.Message;
import io.eventmq.router.DropReason;
import io.eventmq.router.PeerType;
import io.eventmq.router.RouterListener;

/** Every {@link ServiceListener} or {@link RouterListener} bean of the application, as the one a device takes. */
final class Listeners {

    private Listeners() {
    }

    static ServiceListener service(List<ServiceListener> all) {
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

    static RouterListener router(List<RouterListener> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        return new RouterListener() {
            @Override
            public void peerJoined(PeerType type, String id) {
                all.forEach(listener -> listener.peerJoined(type, id));
            }

            @Override
            public void peerLeft(PeerType type, String id, String reason) {
                all.forEach(listener -> listener.peerLeft(type, id, reason));
            }

            @Override
            public void dispatched(String queue, String workerId, String msgid) {
                all.forEach(listener -> listener.dispatched(queue, workerId, msgid));
            }

            @Override
            public void buffered(String queue, String msgid) {
                all.forEach(listener -> listener.buffered(queue, msgid));
            }

            @Override
            public void waiting(String queue, int size) {
                all.forEach(listener -> listener.waiting(queue, size));
            }

            @Override
            public void refused(String msgid, DropReason reason) {
                all.forEach(listener -> listener.refused(msgid, reason));
            }

            @Override
            public void dropped(DropReason reason, String detail) {
                all.forEach(listener -> listener.dropped(reason, detail));
            }
        };
    }
}

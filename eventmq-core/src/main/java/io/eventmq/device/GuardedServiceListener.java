package io.eventmq.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventmq.protocol.Message;

/** Calls the application's {@link ServiceListener} so that an exception in it cannot stop the service. */
final class GuardedServiceListener implements ServiceListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);

    private final ServiceListener listener;

    GuardedServiceListener(ServiceListener listener) {
        this.listener = listener;
    }

    @Override
    public void stateChanged(ServiceState previous, ServiceState current) {
        try {
            listener.stateChanged(previous, current);
        } catch (RuntimeException | Error e) {
            failed("stateChanged", e);
        }
    }

    @Override
    public void messageReceived(Message message) {
        try {
            listener.messageReceived(message);
        } catch (RuntimeException | Error e) {
            failed("messageReceived", e);
        }
    }

    @Override
    public void messageSent(Message message) {
        try {
            listener.messageSent(message);
        } catch (RuntimeException | Error e) {
            failed("messageSent", e);
        }
    }

    @Override
    public void invalidMessage(String reason) {
        try {
            listener.invalidMessage(reason);
        } catch (RuntimeException | Error e) {
            failed("invalidMessage", e);
        }
    }

    @Override
    public void heartbeatMissed(int misses) {
        try {
            listener.heartbeatMissed(misses);
        } catch (RuntimeException | Error e) {
            failed("heartbeatMissed", e);
        }
    }

    @Override
    public void reconnecting(String address, String reason) {
        try {
            listener.reconnecting(address, reason);
        } catch (RuntimeException | Error e) {
            failed("reconnecting", e);
        }
    }

    @Override
    public void jobStarted(String msgid, String queue) {
        try {
            listener.jobStarted(msgid, queue);
        } catch (RuntimeException | Error e) {
            failed("jobStarted", e);
        }
    }

    @Override
    public void jobFinished(JobReport job) {
        try {
            listener.jobFinished(job);
        } catch (RuntimeException | Error e) {
            failed("jobFinished", e);
        }
    }

    private static void failed(String event, Throwable e) {
        log.warn("the service listener failed in {}", event, e);
    }
}

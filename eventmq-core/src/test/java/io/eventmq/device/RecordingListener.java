package io.eventmq.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.eventmq.protocol.Message;

/** Records what a service reports, for tests to look at from their own thread. */
final class RecordingListener implements ServiceListener {

    final List<ServiceState> states = new CopyOnWriteArrayList<>();
    final List<String> invalid = new CopyOnWriteArrayList<>();
    final List<Integer> misses = new CopyOnWriteArrayList<>();
    final List<String> reconnects = new CopyOnWriteArrayList<>();
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<JobReport> finished = new CopyOnWriteArrayList<>();
    final List<Message> received = new CopyOnWriteArrayList<>();
    final List<Message> sent = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(ServiceState previous, ServiceState current) {
        states.add(current);
    }

    @Override
    public void messageReceived(Message message) {
        received.add(message);
    }

    @Override
    public void messageSent(Message message) {
        sent.add(message);
    }

    @Override
    public void invalidMessage(String reason) {
        invalid.add(reason);
    }

    @Override
    public void heartbeatMissed(int count) {
        misses.add(count);
    }

    @Override
    public void reconnecting(String address, String reason) {
        reconnects.add(address);
    }

    @Override
    public void jobStarted(String msgid, String queue) {
        started.add(msgid);
    }

    @Override
    public void jobFinished(JobReport job) {
        finished.add(job);
    }
}

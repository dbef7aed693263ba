package io.eventmq.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.protocol.MessageIds;
import io.eventmq.testing.RawFrames;

/**
 * A raw ROUTER on an ephemeral loopback port that a test drives step by step, playing the router.
 * Owned by the test thread. Receiving blocks on the socket with a timeout; nothing sleeps.
 */
final class ScriptedRouter implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final ZMQ.Socket socket;
    private final String endpoint;
    private final List<Message> heartbeats = new ArrayList<>();
    private final ZMQ.Socket monitor;

    ScriptedRouter(ZContext context) {
        socket = context.createSocket(SocketType.ROUTER);
        socket.setLinger(0);
        socket.setRouterMandatory(true);
        socket.bind("tcp://127.0.0.1:*");
        endpoint = socket.getLastEndpoint();
        String monitorEndpoint = "inproc://scripted-router-monitor-" + MessageIds.next();
        socket.monitor(monitorEndpoint, ZMQ.EVENT_DISCONNECTED);
        monitor = context.createSocket(SocketType.PAIR);
        monitor.setLinger(0);
        monitor.connect(monitorEndpoint);
    }

    String endpoint() {
        return endpoint;
    }

    /** The next message from any worker, within {@code timeout}; {@code null} when none came. */
    Message receive(Duration timeout) {
        List<String> frames = receiveFrames(timeout);
        return frames == null ? null : Codec.decodeRouter(frames);
    }

    /** The frames of the next message, identity first; {@code null} when none came within {@code timeout}. */
    List<String> receiveFrames(Duration timeout) {
        return RawFrames.receive(socket, timeout);
    }

    /** The next message that is not a HEARTBEAT (those are kept, see {@link #heartbeats()}). */
    Message next() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Message message = left > 0 ? receive(Duration.ofNanos(left)) : null;
            if (message == null) {
                return fail("no message from the worker within " + WAIT);
            }
            if (message.command() != Command.HEARTBEAT) {
                return message;
            }
            heartbeats.add(message);
        }
    }

    /** The next non-HEARTBEAT message, which must be a {@code command}. */
    Message expect(Command command) {
        Message message = next();
        assertThat(message.command()).as("command of %s", message).isEqualTo(command);
        return message;
    }

    /**
     * Asserts that nothing but HEARTBEATs arrives for {@code quiet}. A bounded wait for an absence: the
     * only way to see that the worker did not send something.
     */
    void expectNothingFor(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Message message = receive(Duration.ofNanos(left));
            if (message == null) {
                return;
            }
            assertThat(message.command()).as("unexpected %s", message).isEqualTo(Command.HEARTBEAT);
            heartbeats.add(message);
        }
    }

    /** INFORM expected, ACK sent; @return the INFORM. */
    Message acceptInform() {
        Message inform = expect(Command.INFORM);
        send(inform.sender(), Message.of(Command.ACK, inform.msgid()));
        return inform;
    }

    List<Message> heartbeats() {
        return heartbeats;
    }

    void send(String identity, Message message) {
        sendFrames(Codec.encodeRouter(identity, message));
    }

    void sendFrames(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            boolean more = i < frames.size() - 1;
            assertThat(socket.send(frames.get(i), more ? ZMQ.SNDMORE : 0)).as("sent frame %d", i).isTrue();
        }
    }

    /**
     * Sends {@code frames}, any bytes, to {@code identity}; while the worker's queue is full, reads what it sent.
     * @return the messages read meanwhile, as bytes, identity first
     */
    List<List<byte[]>> offerBytes(String identity, List<byte[]> frames) {
        List<List<byte[]>> read = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!socket.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
            assertThat(System.nanoTime()).as("the worker reads within %s", WAIT).isLessThan(deadline);
            List<byte[]> message = RawFrames.receiveBytes(socket, Duration.ofMillis(10));
            if (message != null) {
                read.add(message);
            }
        }
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        return read;
    }

    /** The messages the worker has sent that are waiting now, as bytes, identity first; nothing waits. */
    List<List<byte[]>> drainBytes() {
        List<List<byte[]>> read = new ArrayList<>();
        byte[] frame;
        while ((frame = socket.recv(ZMQ.DONTWAIT)) != null) {
            List<byte[]> message = new ArrayList<>();
            message.add(frame);
            while (socket.hasReceiveMore()) {
                message.add(socket.recv(0));
            }
            read.add(message);
        }
        return read;
    }

    /** Waits until a worker's connection closes. */
    void awaitDisconnect() {
        monitor.setReceiveTimeOut((int) WAIT.toMillis());
        ZMQ.Event event = ZMQ.Event.recv(monitor);
        assertThat(event).as("a disconnect within %s", WAIT).isNotNull();
        assertThat(event.getEvent()).isEqualTo(ZMQ.EVENT_DISCONNECTED);
    }

    @Override
    public void close() {
        socket.monitor(null, 0);
        monitor.close();
        socket.close();
    }
}

package io.eventmq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.testing.RawFrames;

/** A raw ROUTER playing the router's frontend for one scheduler: ACKs its INFORM, sends it frames, reads its REQUESTs. */
final class FrontendScript implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final ZMQ.Socket socket;
    private final String endpoint;
    private String scheduler;

    FrontendScript(ZContext context) {
        socket = context.createSocket(SocketType.ROUTER);
        socket.setLinger(0);
        socket.bind("tcp://127.0.0.1:*");
        endpoint = socket.getLastEndpoint();
    }

    String endpoint() {
        return endpoint;
    }

    /** Waits for the scheduler's INFORM and answers ACK. */
    void acceptInform() {
        Message inform = next();
        assertThat(inform.command()).isEqualTo(Command.INFORM);
        assertThat(inform.body()).containsExactly("", "scheduler");
        scheduler = inform.sender();
        send(Message.of(Command.ACK, inform.msgid()));
    }

    void send(Message message) {
        sendFrames(Codec.encodeDealer(message));
    }

    /** Sends {@code frames} (as a DEALER receives them: delimiter, version, command, ...) to the scheduler. */
    void sendFrames(List<String> frames) {
        socket.sendMore(scheduler);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next REQUEST from the scheduler, skipping heartbeats; fails when none comes. */
    Message expectRequest() {
        Message message = next();
        assertThat(message.command()).as("command of %s", message).isEqualTo(Command.REQUEST);
        return message;
    }

    /** Asserts that no REQUEST comes within {@code quiet}. */
    void expectNoRequestFor(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        for (long left = quiet.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            List<String> frames = RawFrames.receive(socket, Duration.ofNanos(left));
            if (frames != null) {
                assertThat(Codec.decodeRouter(frames).command()).isNotEqualTo(Command.REQUEST);
            }
        }
    }

    private Message next() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            List<String> frames = left > 0 ? RawFrames.receive(socket, Duration.ofNanos(left)) : null;
            assertThat(frames).as("a message from the scheduler within %s", WAIT).isNotNull();
            Message message = Codec.decodeRouter(frames);
            if (message.command() != Command.HEARTBEAT) {
                return message;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

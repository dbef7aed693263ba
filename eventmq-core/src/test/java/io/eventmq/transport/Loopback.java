package io.eventmq.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.zeromq.ZMQ;

import io.eventmq.protocol.Message;

/** Waiting for sockets in loopback tests, without a poller of our own in the way. */
final class Loopback {

    static final Duration WITHIN = Duration.ofSeconds(10);
    static final Duration POLL_EVERY = Duration.ofMillis(5);

    private Loopback() {
    }

    /** Whether a message waits on {@code socket}, without taking it. */
    static boolean readable(EmqpSocket socket) {
        return (socket.zmqSocket().getEvents() & ZMQ.Poller.POLLIN) != 0;
    }

    static void awaitReadable(EmqpSocket socket) {
        await().atMost(WITHIN).pollInterval(POLL_EVERY).until(() -> readable(socket));
    }

    static Message receive(EmqpSocket socket) {
        awaitReadable(socket);
        Message message = socket.receive();
        assertThat(message).isNotNull();
        return message;
    }
}

package io.eventmq.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.eventmq.protocol.Codec;
import io.eventmq.protocol.Command;
import io.eventmq.protocol.Message;
import io.eventmq.testing.RawFrames;

/** A router's frontend played by a raw ROUTER: reads REQUESTs, answers only what the test says. */
final class RawFrontend implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A REQUEST as a router's frontend reads it. */
    record Request(String sender, String msgid, String payload) {
    }

    private final ZMQ.Socket socket;
    final String endpoint;

    RawFrontend(ZContext context, String address) {
        socket = context.createSocket(SocketType.ROUTER);
        socket.setLinger(1000);
        try {
            socket.bind(address);
        } catch (ZMQException portStillTaken) {
            socket.close();
            throw portStillTaken;
        }
        endpoint = socket.getLastEndpoint();
    }

    Request next() {
        Request request = poll(WAIT);
        assertThat(request).as("a REQUEST").isNotNull();
        return request;
    }

    Request poll(Duration wait) {
        List<String> frames = RawFrames.receive(socket, wait);
        if (frames == null) {
            return null;
        }
        Message request = Codec.decodeRouter(frames);
        assertThat(request.command()).isEqualTo(Command.REQUEST);
        return new Request(request.sender(), request.msgid(), request.body().get(2));
    }

    void receipt(Request request) {
        send(request.sender(), Message.of(Command.REPLY, request.msgid()));
    }

    void result(Request request, String json) {
        send(request.sender(), Message.of(Command.REPLY, json, request.msgid()));
    }

    private void send(String recipient, Message message) {
        socket.sendMore(recipient);
        List<String> frames = Codec.encodeDealer(message);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

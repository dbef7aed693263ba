package io.eventmq.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.MessageIds;

/**
 * An eMQP client on a bare DEALER, used directly by the calling thread (no thread of its own): the baseline's
 * client, and the sender that fills any system's router with waiting REQUESTs in {@link MemoryBenchmark}.
 */
final class RawEmqpClient implements AutoCloseable {

    private static final int RECEIVE_TIMEOUT_MILLIS = 100;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final byte[] queue = Frames.ascii(Workload.QUEUE);
    private final byte[] headers = Frames.ascii(Workload.HEADERS);
    private String lastPayload;
    private byte[] lastPayloadBytes;

    RawEmqpClient(ZContext context, String frontendEndpoint) {
        this.context = context;
        socket = Frames.socket(context, SocketType.DEALER);
        socket.setIdentity(Frames.ascii(MessageIds.next()));
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
        socket.connect(frontendEndpoint);
    }

    /** "", version, REQUEST, msgid, queue, headers, payload. Blocks while the send buffer is full. */
    String submit(String payload) {
        if (payload != lastPayload) {
            lastPayload = payload;
            lastPayloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        }
        String msgid = MessageIds.next();
        socket.send(Frames.EMPTY, ZMQ.SNDMORE);
        socket.send(Frames.VERSION, ZMQ.SNDMORE);
        socket.send(Frames.REQUEST, ZMQ.SNDMORE);
        socket.send(Frames.ascii(msgid), ZMQ.SNDMORE);
        socket.send(queue, ZMQ.SNDMORE);
        socket.send(headers, ZMQ.SNDMORE);
        socket.send(lastPayloadBytes, 0);
        return msgid;
    }

    /**
     * "", version, REPLY, msgid, result, request_msgid; returns request_msgid. Waits in a blocking receive
     * (no poller: see {@link BaselineWorker}), {@code timeout} rounded up to the receive timeout.
     */
    String awaitReply(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[][] reply = Frames.receive(socket, 6, 0);
            if (reply != null) {
                if (reply.length != 6 || !Frames.is(reply, 2, Frames.REPLY)) {
                    throw new IllegalStateException("baseline client got something else than a REPLY");
                }
                return new String(reply[5], StandardCharsets.US_ASCII);
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        context.destroySocket(socket);
    }
}

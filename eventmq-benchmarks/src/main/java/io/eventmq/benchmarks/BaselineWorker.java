package io.eventmq.benchmarks;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.MessageIds;

/**
 * The least an eMQP worker must do, on raw JeroMQ, one thread: READY per slot, then for each REQUEST a REPLY
 * ({@code result, request_msgid}) and a READY. The job itself is a no-op run inline, so a slot is free again
 * as soon as its REPLY is sent. With one socket it needs no poller: a blocking receive with a timeout waits
 * on the socket's own mailbox, where JeroMQ's poll would build a selector set on every call.
 */
final class BaselineWorker implements AutoCloseable {

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final int slots;
    private final Thread thread;
    private volatile boolean running = true;

    BaselineWorker(ZContext context, String backendEndpoint, int slots, int number) {
        this.context = context;
        this.slots = slots;
        socket = Frames.socket(context, SocketType.DEALER);
        socket.setIdentity(Frames.ascii(MessageIds.next()));
        socket.setReceiveTimeOut(BaselineBroker.POLL_MILLIS);
        socket.connect(backendEndpoint);
        thread = new Thread(this::run, "baseline-worker-" + number);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    private void run() {
        try {
            for (int slot = 0; slot < slots; slot++) {
                sendReady();
            }
            while (running) {
                byte[][] request = Frames.receive(socket, 7, 0);
                if (request == null) {
                    continue;
                }
                if (!Frames.is(request, 2, Frames.REQUEST)) {
                    throw new IllegalStateException("baseline worker got something else than a REQUEST");
                }
                reply(request[3]);
                sendReady();
            }
        } finally {
            context.destroySocket(socket);
        }
    }

    private void reply(byte[] requestMsgid) {
        socket.send(Frames.EMPTY, ZMQ.SNDMORE);
        socket.send(Frames.VERSION, ZMQ.SNDMORE);
        socket.send(Frames.REPLY, ZMQ.SNDMORE);
        socket.send(Frames.ascii(MessageIds.next()), ZMQ.SNDMORE);
        socket.send(Frames.RESULT, ZMQ.SNDMORE);
        socket.send(requestMsgid, 0);
    }

    private void sendReady() {
        socket.send(Frames.EMPTY, ZMQ.SNDMORE);
        socket.send(Frames.VERSION, ZMQ.SNDMORE);
        socket.send(Frames.READY, ZMQ.SNDMORE);
        socket.send(Frames.ascii(MessageIds.next()), 0);
    }

    @Override
    public void close() {
        running = false;
        BaselineBroker.joinBriefly(thread);
    }
}

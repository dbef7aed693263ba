package io.eventmq.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The least a credit-based eMQP broker must do, on raw JeroMQ, one thread: ROUTER frontend for the client,
 * ROUTER backend for workers. Each READY is one credit; a REQUEST goes to the oldest credit or waits in a
 * FIFO; a worker's REPLY ({@code result, request_msgid}) is forwarded to the client that sent the REQUEST.
 * No codec, no strings, no INFORM/heartbeats: the physical limit EventMQ's router is compared with. It
 * polls only when both sockets are empty: each JeroMQ poll is a selector call that allocates.
 */
final class BaselineBroker implements AutoCloseable {

    static final int POLL_MILLIS = 100;
    private static final int BATCH = 256;

    private final ZContext context;
    private final ZMQ.Socket frontend;
    private final ZMQ.Socket backend;
    private final String frontendEndpoint;
    private final String backendEndpoint;
    private final ArrayDeque<byte[]> credits = new ArrayDeque<>();
    private final ArrayDeque<byte[][]> waiting = new ArrayDeque<>();
    private final Map<ByteBuffer, byte[]> clientByMsgid = new HashMap<>();
    private final int expectedCredits;
    private final CountDownLatch creditsComplete;
    private final Thread thread;
    private int readies;
    private volatile WaitingWatch waitingWatch;
    private volatile boolean running = true;

    private record WaitingWatch(int count, CountDownLatch reached) {
    }

    BaselineBroker(ZContext context, int expectedCredits) {
        this.context = context;
        this.expectedCredits = expectedCredits;
        this.creditsComplete = new CountDownLatch(expectedCredits == 0 ? 0 : 1);
        frontend = Frames.socket(context, SocketType.ROUTER);
        backend = Frames.socket(context, SocketType.ROUTER);
        frontend.bind("tcp://127.0.0.1:*");
        backend.bind("tcp://127.0.0.1:*");
        frontendEndpoint = frontend.getLastEndpoint();
        backendEndpoint = backend.getLastEndpoint();
        thread = new Thread(this::run, "baseline-broker");
    }

    void start() {
        thread.start();
    }

    String frontendEndpoint() {
        return frontendEndpoint;
    }

    String backendEndpoint() {
        return backendEndpoint;
    }

    Thread thread() {
        return thread;
    }

    /** Waits until as many READYs arrived as the workers have slots. */
    boolean awaitCredits(Duration timeout) throws InterruptedException {
        return creditsComplete.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        WaitingWatch watch = new WaitingWatch(count, new CountDownLatch(1));
        waitingWatch = watch;
        return watch.reached().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run() {
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(frontend, ZMQ.Poller.POLLIN);
        poller.register(backend, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                int handled = 0;
                while (handled < BATCH && fromClient()) {
                    handled++;
                }
                int fromClients = handled;
                while (handled < fromClients + BATCH && fromWorker()) {
                    handled++;
                }
                WaitingWatch watch = waitingWatch;
                if (watch != null && waiting.size() >= watch.count()) {
                    watch.reached().countDown();
                }
                if (handled == 0) {
                    poller.poll(POLL_MILLIS);
                }
            }
        } finally {
            poller.close();
            context.destroySocket(frontend);
            context.destroySocket(backend);
        }
    }

    /** client, "", version, REQUEST, msgid, queue, headers, payload. */
    private boolean fromClient() {
        byte[][] request = Frames.receive(frontend, 8);
        if (request == null) {
            return false;
        }
        if (request.length != 8 || !Frames.is(request, 3, Frames.REQUEST)) {
            throw new IllegalStateException("baseline broker got an unexpected message from a client");
        }
        clientByMsgid.put(ByteBuffer.wrap(request[4]), request[0]);
        byte[] worker = credits.poll();
        if (worker == null) {
            waiting.add(request);
        } else {
            dispatch(worker, request);
        }
        return true;
    }

    /** worker, "", version, READY, msgid — or worker, "", version, REPLY, msgid, result, request_msgid. */
    private boolean fromWorker() {
        byte[][] message = Frames.receive(backend, 7);
        if (message == null) {
            return false;
        }
        if (Frames.is(message, 3, Frames.READY)) {
            byte[][] request = waiting.poll();
            if (request == null) {
                credits.add(message[0]);
            } else {
                dispatch(message[0], request);
            }
            if (++readies == expectedCredits) {
                creditsComplete.countDown();
            }
        } else if (message.length == 7 && Frames.is(message, 3, Frames.REPLY)) {
            byte[] client = clientByMsgid.remove(ByteBuffer.wrap(message[6]));
            if (client != null) {
                frontend.send(client, ZMQ.SNDMORE);
                frontend.send(Frames.EMPTY, ZMQ.SNDMORE);
                frontend.send(Frames.VERSION, ZMQ.SNDMORE);
                frontend.send(Frames.REPLY, ZMQ.SNDMORE);
                frontend.send(message[4], ZMQ.SNDMORE);
                frontend.send(message[5], ZMQ.SNDMORE);
                frontend.send(message[6], 0);
            }
        } else {
            throw new IllegalStateException("baseline broker got an unexpected message from a worker");
        }
        return true;
    }

    /** Waits for a stopping loop thread: at most a few poll intervals. */
    static void joinBriefly(Thread thread) {
        try {
            thread.join(10L * POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop");
        }
    }

    /** The client's frames unchanged, behind the worker's identity instead of the client's. */
    private void dispatch(byte[] worker, byte[][] request) {
        backend.send(worker, ZMQ.SNDMORE);
        for (int i = 1; i < 7; i++) {
            backend.send(request[i], ZMQ.SNDMORE);
        }
        backend.send(request[7], 0);
    }

    /** Stops the loop (within one poll interval) and waits for the thread, which closes the sockets. */
    @Override
    public void close() {
        running = false;
        joinBriefly(thread);
    }
}

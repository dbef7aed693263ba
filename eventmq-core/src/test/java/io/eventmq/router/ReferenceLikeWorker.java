package io.eventmq.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import io.eventmq.protocol.MessageIds;
import io.eventmq.testing.RawFrames;

/**
 * A raw DEALER that behaves as the Python reference job manager does: it ignores KBYE while heartbeats are on,
 * counts any message received as a heartbeat, and only when nothing has come for {@code liveness} heartbeat
 * timeouts closes its socket and INFORMs again under a new identity. Driven by the test thread.
 */
final class ReferenceLikeWorker implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofMillis(20);

    private final ZContext context;
    private final String endpoint;
    private final long intervalNanos;
    private final long deadAfterNanos;
    private ZMQ.Socket socket;
    private String identity;
    private long lastReceived;
    private long lastSent;
    private int informs;
    private int kbyes;
    private int jobs;

    ReferenceLikeWorker(ZContext context, String endpoint, Duration interval, Duration timeout, int liveness) {
        this.context = context;
        this.endpoint = endpoint;
        this.intervalNanos = interval.toNanos();
        this.deadAfterNanos = timeout.toNanos() * liveness;
        connectAndInform();
    }

    String identity() {
        return identity;
    }

    /** INFORMs sent, one per identity. */
    int informs() {
        return informs;
    }

    /** KBYEs received, and ignored. */
    int kbyes() {
        return kbyes;
    }

    /** Jobs run and answered. */
    int jobs() {
        return jobs;
    }

    /** Plays the job manager until {@code done} holds; fails the test after ten seconds. */
    void runUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the reference-like worker got there within %s", WAIT)
                    .isLessThan(deadline);
            List<String> frames = RawFrames.receive(socket, STEP);
            long now = System.nanoTime();
            if (frames != null) {
                lastReceived = now;
                handle(frames);
            }
            if (now - lastSent >= intervalNanos) {
                send("HEARTBEAT", String.valueOf(System.currentTimeMillis() / 1000.0));
            }
            if (now - lastReceived >= deadAfterNanos) {
                socket.close();
                connectAndInform();
            }
        }
    }

    private void handle(List<String> frames) {
        switch (frames.get(2)) {
            case "ACK" -> send("READY");
            case "REQUEST" -> {
                jobs++;
                send("REPLY", "{\"value\": \"done\"}", frames.get(3));
                send("READY");
            }
            case "KBYE" -> kbyes++;
            default -> { }
        }
    }

    private void connectAndInform() {
        identity = MessageIds.next();
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(1000);
        socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
        socket.connect(endpoint);
        lastReceived = System.nanoTime();
        informs++;
        send("INFORM", "[[10, \"default\"]]", "worker");
    }

    private void send(String command, String... body) {
        socket.send("", ZMQ.SNDMORE);
        socket.send("eMQP/1.0", ZMQ.SNDMORE);
        socket.send(command, ZMQ.SNDMORE);
        socket.send(MessageIds.next(), body.length == 0 ? 0 : ZMQ.SNDMORE);
        for (int i = 0; i < body.length; i++) {
            socket.send(body[i], i < body.length - 1 ? ZMQ.SNDMORE : 0);
        }
        lastSent = System.nanoTime();
    }

    @Override
    public void close() {
        socket.close();
    }
}
